package org.p1iota.app.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.device.DeviceCommand;
import org.p1iota.app.myhome.MyHomeCommand;
import org.p1iota.app.provider.ProviderCommand;
import org.p1iota.app.testing.RunningMyHome;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.camel.iota.TangleEndpointSupport;

/**
 * The node is one property in every role, and one --node: set on the iota and iota-mam components,
 * it reaches every tangle endpoint of the real routes, none of which names it again.
 */
class NodeSettingOnceTest {

    @TempDir
    Path data;

    @Test
    void everyRolesNodeOptionSetsTheOneProperty() {
        for (RoleCommand command : List.of(new DeviceCommand(), new MyHomeCommand(), new ProviderCommand())) {
            Map<String, String> properties = new LinkedHashMap<>();
            command.parse(List.of("--node", "http://192.0.2.10:14265", "--mwm", "14"), properties);
            assertThat(properties).as(command.name()).containsEntry(RoleSettings.NODE_URL, "http://192.0.2.10:14265")
                    .containsEntry(RoleSettings.MWM, "14");
        }
    }

    @Test
    void theOldPerRoleNamesStillWork() throws Exception {
        RoleSettings settings = RoleSettings.load("device", Map.of(RoleSettings.DATA_PROPERTY, data.toString(),
                "device.node.url", "http://192.0.2.11:14265", "provider.mwm", "12"));
        assertThat(settings.get(RoleSettings.NODE_URL, null)).isEqualTo("http://192.0.2.11:14265");
        assertThat(settings.get(RoleSettings.MWM, null)).isEqualTo("12");
    }

    @Test
    void theComponentsCarryTheNodeToEveryTangleEndpointOfTheRealRoutes() throws Exception {
        String node = "http://127.0.0.1:" + RunningNode.freePort();
        try (RunningMyHome myHome = RunningMyHome.start(data.resolve("myhome"), node, 5, RunningNode.freePort(), Map.of())) {
            List<TangleEndpointSupport> tangle = tangleEndpoints(myHome.running().camelContext());
            assertThat(tangle).hasSizeGreaterThanOrEqualTo(2);
            for (TangleEndpointSupport endpoint : tangle) {
                assertThat(endpoint.getEndpointUri()).doesNotContain("nodeUrl").doesNotContain("minWeightMagnitude");
                assertThat(endpoint.getConfiguration().getNodeUrl()).as(endpoint.getEndpointUri()).isEqualTo(node);
                assertThat(endpoint.getConfiguration().getMinWeightMagnitude()).as(endpoint.getEndpointUri()).isEqualTo(5);
                assertThat(endpoint.getConfiguration().isLocalPow()).as(endpoint.getEndpointUri()).isTrue();
            }
        }
    }

    private static List<TangleEndpointSupport> tangleEndpoints(CamelContext camel) {
        List<TangleEndpointSupport> found = new ArrayList<>();
        for (Endpoint endpoint : camel.getEndpoints()) {
            if (endpoint instanceof TangleEndpointSupport tangle) {
                found.add(tangle);
            }
        }
        return found;
    }
}
