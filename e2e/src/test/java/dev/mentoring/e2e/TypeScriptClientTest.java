package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The TypeScript client an app would generate from docs/openapi.json (e2e/typescript: openapi-typescript's types and
 * openapi-fetch, from npm at the versions its package-lock.json pins): generated, type-checked with tsc in strict
 * mode (including lines that must not compile, so the types really constrain the calls), then run against the
 * platform through the gateway with a real token.
 */
class TypeScriptClientTest {

    private static final Path PROJECT = Platform.ROOT.resolve("e2e/typescript");

    @Test
    void theGeneratedTypeScriptClientTypeChecksAndWorks() throws Exception {
        run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        run(List.of("npm", "run", "generate"), 120);
        run(List.of("npm", "run", "build"), 180); // tsc, strict: type-checks, then emits the scenario
        String output = run(List.of("node", "build/src/scenario.js"), 120);
        assertThat(output).contains("TypeScript client: all calls answered as typed").doesNotContain("failed:");
    }

    private static String run(List<String> command, long seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("typescript-client", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("GATEWAY_URL", Platform.GATEWAY);
        builder.environment().put("TOKEN_URL", Platform.TOKEN_ENDPOINT);
        Process process = builder.start();
        boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        System.out.println("$ " + String.join(" ", command) + "\n" + output);
        assertThat(ended).as(String.join(" ", command) + " ended in " + seconds + " s").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " succeeded:\n" + output).isZero();
        return output;
    }
}
