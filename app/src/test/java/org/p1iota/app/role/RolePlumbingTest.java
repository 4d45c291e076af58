package org.p1iota.app.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;
import org.p1iota.app.node.NodeCommand;
import org.p1iota.app.node.NodeRole;

/** Property layering, route lookup and role command-line parsing. */
class RolePlumbingTest {

    @TempDir
    Path data;

    @Test
    void propertiesLayerClasspathThenDataDirectoryThenCommandLine() throws Exception {
        Files.writeString(data.resolve("application-node.properties"), "node.mwm = 4\nnode.port = 15000\n");
        RoleSettings settings = RoleSettings.load("node", Map.of(RoleSettings.DATA_PROPERTY, data.toString(), "node.port", "16000"));
        assertThat(settings.get("camel.server.enabled", null)).isEqualTo("false");  // application.properties
        assertThat(settings.get("node.bind", null)).isEqualTo("127.0.0.1");          // application-node.properties
        assertThat(settings.getInt("node.mwm", 0)).isEqualTo(4);                      // data directory
        assertThat(settings.getInt("node.port", 0)).isEqualTo(16000);                 // command line
        assertThat(settings.dataDirectory()).isEqualTo(data.toAbsolutePath());
        assertThatThrownBy(() -> RoleSettings.load("node", Map.of(RoleSettings.DATA_PROPERTY, data.toString(), "node.mwm", "x"))
                .getInt("node.mwm", 0)).hasMessageContaining("node.mwm");
    }

    @Test
    void routesComeFromTheRoutesDirectoryElseFromTheJar() throws Exception {
        RoleSettings settings = RoleSettings.load("node", Map.of(RoleSettings.DATA_PROPERTY, data.toString()));
        assertThat(new RoleRunner(new NodeRole(), settings, Optional.of(data)).routesLocation())
                .isEqualTo("classpath:routes/node.yaml");
        Files.writeString(data.resolve("node.yaml"), "[]\n");
        assertThat(new RoleRunner(new NodeRole(), settings, Optional.of(data)).routesLocation())
                .isEqualTo("file:" + data.resolve("node.yaml").toAbsolutePath());
        assertThat(RoleRunner.class.getClassLoader().getResource("routes/node.yaml")).isNotNull();
    }

    @Test
    void roleOptionsBecomeProperties() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        Optional<Path> routes = new NodeCommand().parse(List.of("--port", "1", "--bind=0.0.0.0", "--mwm", "3",
                "--data", "d", "--routes", "r", "--node.pow-threads", "2"), properties);
        assertThat(routes).contains(Path.of("r"));
        assertThat(properties).containsEntry("node.port", "1").containsEntry("node.bind", "0.0.0.0")
                .containsEntry("node.mwm", "3").containsEntry(RoleSettings.DATA_PROPERTY, "d")
                .containsEntry("node.pow-threads", "2");
        assertThatThrownBy(() -> new NodeCommand().parse(List.of("--colour", "red"), new LinkedHashMap<>()))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--colour");
        assertThatThrownBy(() -> new NodeCommand().parse(List.of("--port"), new LinkedHashMap<>()))
                .isInstanceOf(ParameterException.class);
    }

    @Test
    void closeablesAreClosedInReverseOrder() {
        StringBuilder order = new StringBuilder();
        RoleBeans beans = new RoleBeans();
        beans.closeOnStop(() -> order.append("first"));
        beans.closeOnStop(() -> order.append("second,"));
        beans.close();
        assertThat(order).hasToString("second,first");
        assertThatThrownBy(() -> beans.bind("a", 1).bind("a", 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
