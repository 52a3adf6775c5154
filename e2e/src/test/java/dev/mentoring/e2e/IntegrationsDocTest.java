package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docs/integrations.md shows an integrator SCIM and webhooks with curl: its bash blocks run here, as written and in
 * order, in one shell against the platform under test (every curl -f fails the run on an error status).
 */
class IntegrationsDocTest {

    private static final Pattern BASH = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theExamplesRunAsWritten() throws Exception {
        String doc = Files.readString(Platform.ROOT.resolve("docs/integrations.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher block = BASH.matcher(doc);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(8);
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", String.join("\n", blocks)).redirectErrorStream(true);
        bash.environment().put("GATEWAY", Platform.GATEWAY);
        bash.environment().put("KC", Platform.TOKEN_ENDPOINT.substring(0, Platform.TOKEN_ENDPOINT.lastIndexOf('/')));
        Process run = bash.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).contains("created User ").contains("\"scimType\": \"invalidFilter\"").contains("endpoint ");
        assertThat(output.strip()).as(output).endsWith("404");
        System.out.println("docs/integrations.md: " + blocks.size() + " bash blocks ran against " + Platform.GATEWAY);
    }
}
