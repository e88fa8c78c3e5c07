package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the operators' scripts of {@code tools/} as an operator would. */
final class Tools {

    private Tools() {}

    record Result(int exit, String output) {}

    static Result run(String script, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(
                Path.of(System.getProperty("it.project.root"), "tools", script).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JBOSS_HOME", System.getProperty("jboss.home"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), script + " finished");
        return new Result(p.exitValue(), output.strip());
    }
}
