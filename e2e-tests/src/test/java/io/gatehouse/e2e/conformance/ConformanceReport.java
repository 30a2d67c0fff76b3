package io.gatehouse.e2e.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Records each conformance module's result (named by its @DisplayName, the module's testName in the OpenID
 * Foundation suite) into {@code target/conformance-results.tsv}; {@code ConformanceReportWriter} turns the file
 * into the Markdown report after the run.
 */
public class ConformanceReport implements TestWatcher {

    static final Path RESULTS = Path.of("target/conformance-results.tsv");

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, "PASS", "");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, "FAIL", String.valueOf(cause.getMessage()));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, "SKIPPED", String.valueOf(cause.getMessage()));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        record(context, "SKIPPED", reason.orElse(""));
    }

    private static synchronized void record(ExtensionContext context, String result, String detail) {
        String plan = context.getTestClass().map(c -> {
            Plan p = c.getAnnotation(Plan.class);
            return p == null ? c.getSimpleName() : p.value();
        }).orElse("?");
        String module = context.getDisplayName();
        String line = plan + "\t" + module + "\t" + result + "\t" + detail.replaceAll("[\\t\\r\\n]+", " ") + "\n";
        try {
            Files.createDirectories(RESULTS.toAbsolutePath().getParent());
            Files.writeString(RESULTS, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
