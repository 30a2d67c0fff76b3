package io.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.model.discovery.Service;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Images cannot be built here (no Docker engine), so the Dockerfiles are read as text: a JRE 17 base, the four
 * layers of the Quarkus fast-jar, a numeric non-root user, the service's own port, heap sized from the container.
 */
class DockerfilesTest {

    /** One Dockerfile instruction (continuation lines joined, comments dropped). */
    record Instruction(String keyword, String arguments) {
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void imageRunsTheFastJarOnAJre17AsANonRootUser(Service service) throws IOException {
        String name = service.moduleName();
        List<Instruction> instructions = instructions(name);
        String what = "deploy/docker/" + name + ".Dockerfile";

        List<Instruction> from = instructions.stream().filter(i -> i.keyword().equals("FROM")).toList();
        assertEquals(1, from.size(), what + ": one stage");
        assertTrue(from.get(0).arguments().matches("(eclipse-temurin:17(\\.[0-9._]+)?-jre.*|registry\\.access\\.redhat\\.com/ubi[89]/openjdk-17-runtime.*)"),
                what + ": not a JRE 17 base image: " + from.get(0).arguments());

        List<String> copies = instructions.stream().filter(i -> i.keyword().equals("COPY")).map(Instruction::arguments).toList();
        String app = name + "/target/quarkus-app/";
        for (String layer : List.of("lib/ /deployments/lib/", "*.jar /deployments/", "app/ /deployments/app/", "quarkus/ /deployments/quarkus/")) {
            assertTrue(copies.stream().anyMatch(c -> c.endsWith(app + layer)), what + ": missing COPY " + app + layer);
        }
        assertEquals(4, copies.size(), what + ": copies only the fast-jar layers");

        int user = lastIndexOf(instructions, "USER");
        assertTrue(user >= 0, what + ": no USER");
        String uid = instructions.get(user).arguments().split(":")[0];
        assertTrue(uid.matches("[1-9][0-9]*"), what + ": USER must be a numeric non-root uid, is " + uid);
        assertTrue(user < lastIndexOf(instructions, "ENTRYPOINT"), what + ": USER after ENTRYPOINT");
        assertTrue(instructions.stream().noneMatch(i -> i.keyword().equals("RUN") && instructions.indexOf(i) > user),
                what + ": RUN as the service user");

        String port = String.valueOf(applicationPort(name));
        assertTrue(instructions.stream().anyMatch(i -> i.keyword().equals("EXPOSE")
                && List.of(i.arguments().split("\\s+")).contains(port)), what + ": EXPOSE " + port);
        assertTrue(instructions.stream().anyMatch(i -> i.keyword().equals("ENV") && i.arguments().contains("-XX:MaxRAMPercentage=")),
                what + ": heap not sized from the container's memory limit");
        assertFalse(instructions.stream().anyMatch(i -> i.keyword().equals("ENV") && i.arguments().contains("-Xmx")), what);
        assertTrue(instructions.get(lastIndexOf(instructions, "ENTRYPOINT")).arguments().contains("/deployments/quarkus-run.jar"),
                what + ": ENTRYPOINT must run quarkus-run.jar");
    }

    @Test
    void buildContextHoldsOnlyThePackagedServices() throws IOException {
        List<String> lines = Files.readAllLines(RepositoryRoot.resolve(".dockerignore")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals("*", lines.get(0), ".dockerignore must exclude everything first");
        for (Service s : Service.values()) {
            assertTrue(lines.contains("!" + s.moduleName() + "/target/quarkus-app"), ".dockerignore: " + s.moduleName());
        }
        assertEquals(1 + Service.values().length, lines.size(), ".dockerignore lets more in than the fast-jars");
    }

    private static List<Instruction> instructions(String service) throws IOException {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(RepositoryRoot.resolve("deploy/docker/" + service + ".Dockerfile"))) {
            String line = raw.trim();
            if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                String text = current.toString().trim();
                current.setLength(0);
                int space = text.indexOf(' ');
                out.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).trim()));
            }
        }
        return out;
    }

    private static int lastIndexOf(List<Instruction> instructions, String keyword) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    private static int applicationPort(String service) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(RepositoryRoot.resolve(service + "/src/main/resources/application.properties"))) {
            p.load(in);
        }
        return Integer.parseInt(p.getProperty("quarkus.http.port"));
    }
}
