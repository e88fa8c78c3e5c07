package de.erpconnect.interfaces.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The German wording of the services' refusals and outcomes for the admin pages, from {@code service-wording_de.txt}:
 * the English message (the REST API's contract) is the key, as in a gettext catalogue, with
 * {@code {0}}… for the values it carries. A message the catalogue does not know stays as it is.
 */
public final class ServiceWording {

    private static final String CATALOGUE = "service-wording_de.txt";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");
    private static final List<Entry> GERMAN = load();

    private ServiceWording() {}

    private record Entry(Pattern english, List<Integer> order, String german) {

        String translate(Matcher m) {
            String text = german;
            for (int group = 1; group <= m.groupCount(); group++) {
                text = text.replace("{" + order.get(group - 1) + "}", m.group(group));
            }
            return text;
        }
    }

    /** The message for a reader of {@code locale}: German unless the page is English. */
    public static String wording(String message, Locale locale) {
        if (message == null || (locale != null && locale.getLanguage().equals("en"))) {
            return message;
        }
        for (Entry e : GERMAN) {
            Matcher m = e.english().matcher(message);
            if (m.matches()) {
                return e.translate(m);
            }
        }
        return message;
    }

    private static List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = ServiceWording.class.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException(CATALOGUE + " is missing from the web archive");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int arrow = line.indexOf(" => ");
                if (line.isBlank() || line.startsWith("#") || arrow < 0) {
                    continue;
                }
                entries.add(entry(
                        line.substring(0, arrow).strip(),
                        line.substring(arrow + 4).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries);
    }

    private static Entry entry(String english, String german) {
        StringBuilder regex = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(english);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(english.substring(last, m.start()))).append("(.+?)");
            order.add(Integer.parseInt(m.group(1)));
            last = m.end();
        }
        regex.append(Pattern.quote(english.substring(last)));
        return new Entry(Pattern.compile(regex.toString(), Pattern.DOTALL), order, german);
    }
}
