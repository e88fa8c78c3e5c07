package de.erpconnect.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A local mail sink: the smallest SMTP server (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP,
 * QUIT) that keeps every message it receives, so that the tests read the cloud's reset mails
 * without any outside network. Listens on loopback at {@code it.port.smtp}, where the test server's
 * mail session sends.
 */
final class SmtpSink implements AutoCloseable {

    /** A received mail: envelope recipient, subject and decoded text body. */
    record Mail(String to, String subject, String text) {}

    private final ServerSocket server;
    private final BlockingQueue<Mail> received = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    SmtpSink(int port) throws IOException {
        server = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptAll, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static SmtpSink start() throws IOException {
        return new SmtpSink(Integer.getInteger("it.port.smtp"));
    }

    /** The next mail, waiting at most {@code seconds}; fails when none arrives. */
    Mail next(int seconds) throws InterruptedException {
        Mail mail = received.poll(seconds, TimeUnit.SECONDS);
        if (mail == null) {
            throw new AssertionError("no mail arrived within " + seconds + " s");
        }
        return mail;
    }

    /** A mail that arrives within {@code seconds}, or null. */
    Mail poll(int seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                converse(socket);
            } catch (IOException e) {
                // closed, or a broken conversation: wait for the next one
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 localhost test mail sink");
        String to = null;
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 localhost");
            } else if (command.startsWith("MAIL FROM:") || command.startsWith("RSET") || command.startsWith("NOOP")) {
                reply(out, "250 OK");
            } else if (command.startsWith("RCPT TO:")) {
                to = line.substring(8).trim().replaceAll("[<>]", "");
                reply(out, "250 OK");
            } else if (command.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                StringBuilder data = new StringBuilder();
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    data.append(line.startsWith("..") ? line.substring(1) : line)
                            .append("\r\n");
                }
                received.add(parse(to, data.toString()));
                reply(out, "250 OK queued");
            } else if (command.equals("QUIT")) {
                reply(out, "221 Bye");
                return;
            } else {
                reply(out, "502 Command not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Headers and a single-part text body in 7bit, quoted-printable or base64 transfer encoding. */
    static Mail parse(String to, String raw) {
        int split = raw.indexOf("\r\n\r\n");
        String headers = raw.substring(0, split).replace("\r\n ", " ").replace("\r\n\t", " ");
        String body = raw.substring(split + 4);
        String subject = "";
        String encoding = "7bit";
        for (String h : headers.split("\r\n")) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("subject:")) {
                subject = decodeWords(h.substring(8).trim());
            } else if (lower.startsWith("content-transfer-encoding:")) {
                encoding = h.substring(26).trim().toLowerCase(Locale.ROOT);
            }
        }
        String text = switch (encoding) {
            case "quoted-printable" -> new String(quotedPrintable(body), StandardCharsets.UTF_8);
            case "base64" -> new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
            default -> new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        };
        return new Mail(to, subject, text.replace("\r\n", "\n"));
    }

    private static byte[] quotedPrintable(String body) {
        String joined = body.replace("=\r\n", "");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                bytes.write(HexFormat.fromHexDigits(joined, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    /** RFC 2047 encoded words ({@code =?UTF-8?Q?…?=} or {@code ?B?}) in a header. */
    private static String decodeWords(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("=\\?([^?]+)\\?([QqBb])\\?([^?]*)\\?=")
                .matcher(value.replaceAll("\\?=\\s+=\\?", "?==?"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            byte[] decoded = m.group(2).equalsIgnoreCase("B")
                    ? Base64.getDecoder().decode(m.group(3))
                    : quotedPrintable(m.group(3).replace('_', ' '));
            m.appendReplacement(
                    out, java.util.regex.Matcher.quoteReplacement(new String(decoded, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
