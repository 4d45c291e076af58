package org.p1iota.app.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.app.spool.DurableSpool;
import org.p1iota.app.spool.SpoolRecord;
import org.p1iota.camel.iota.mam.ChannelState;
import org.p1iota.camel.iota.mam.MamChannel;
import org.p1iota.camel.iota.mam.MamMode;
import org.p1iota.camel.iota.tangle.TryteCodec;

/**
 * The tangle cost of a telegram by batch size, counted exactly as the device publishes: telegrams of the
 * real capture spooled by {@link MeterIntake}, encoded as DATA, wrapped as a restricted MAM message;
 * transactions = MAM payload trytes / 2187. docs/device.md quotes the figures printed here.
 */
class DataBatchCostTest {

    private static final int TRANSACTION_TRYTES = 2187;
    private static final String SEED = "SEED".repeat(20) + "9";
    private static final String DEVICE = "DEVICE".repeat(13) + "999";

    @TempDir
    Path data;

    @Test
    void theWorkerShrinksABatchThatWouldNotFitOneMamMessage() throws Exception {
        List<Telegram> telegrams = telegramsOfTheCapture(40);
        String json = new ProtocolCodec().encode(new Data(DEVICE, telegrams));
        assertThat(TryteCodec.encode(json).length()).isGreaterThan(org.p1iota.camel.iota.mam.MamTrytes.MAX_MESSAGE_TRYTES);
        // the role's worker on the spool of this test: batch size 40 asked, what fits is taken
        try (DurableSpool spool = DurableSpool.open(data.resolve("spool"))) {
            DeviceState state = DeviceState.open(data.resolve("state.json"), "KEY", "ROOT".repeat(20) + "9");
            HouseholdEvents household = new HouseholdEvents(DEVICE, state, null, null);
            DataChannelWorker worker = new DataChannelWorker(DEVICE, spool, state, household, null, 40,
                    java.time.Duration.ZERO, java.time.Clock.systemUTC());
            org.apache.camel.Exchange exchange = new org.apache.camel.support.DefaultExchange(new DefaultCamelContext());
            worker.prepareNext(exchange);
            assertThat(exchange.getMessage().getHeader(DataChannelWorker.WORK)).isEqualTo("DATA");
            Data batch = new ProtocolCodec().decode(exchange.getMessage().getBody(String.class), Data.class);
            assertThat(batch.telegrams().size()).isBetween(5, 39);
            assertThat(transactions(batch)).isPositive();
            assertThat(state.inFlight()).contains(new DeviceState.InFlight(1, batch.telegrams().size()));
        }
    }

    @Test
    void batchingSharesTheMamOverheadAmongTelegrams() throws Exception {
        List<Telegram> telegrams = telegramsOfTheCapture(60);
        Map<Integer, Double> perTelegram = new LinkedHashMap<>();
        for (int batch : new int[] {1, 2, 5, 10, 15}) {
            long transactions = 0;
            for (int start = 0; start + batch <= telegrams.size(); start += batch) {
                transactions += transactions(new Data(DEVICE, telegrams.subList(start, start + batch)));
            }
            int published = telegrams.size() / batch * batch;
            perTelegram.put(batch, (double) transactions / published);
        }
        perTelegram.forEach((batch, cost) -> System.out.printf("DATA batch of %d telegrams: %.2f transactions per telegram%n", batch, cost));
        assertThat(perTelegram.get(10)).isLessThan(perTelegram.get(1));
        assertThat(perTelegram.get(15)).isLessThanOrEqualTo(perTelegram.get(10));
    }

    private static long transactions(Data batch) throws Exception {
        String trytes = TryteCodec.encode(new ProtocolCodec().encode(batch));
        MamChannel channel = new MamChannel(ChannelState.initial(SEED, MamMode.RESTRICTED, "KEY", DeviceRole.SECURITY));
        return (channel.create(trytes).payload().length() + TRANSACTION_TRYTES - 1) / TRANSACTION_TRYTES;
    }

    private List<Telegram> telegramsOfTheCapture(int count) throws Exception {
        try (DurableSpool spool = DurableSpool.open(data.resolve("spool"))) {
            MeterIntake intake = new MeterIntake(spool, 1000);
            CamelContext context = new DefaultCamelContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("p1:file:" + DeviceRoleOnNodeTest.capture()).bean(intake, "accept");
                }
            });
            context.start();
            try {
                await().atMost(30, TimeUnit.SECONDS).until(() -> intake.spooled() >= count);
            } finally {
                context.stop();
            }
            List<Telegram> telegrams = new ArrayList<>();
            for (SpoolRecord record : spool.peek(count)) {
                telegrams.add(MeterIntake.telegram(record.sequence(), record.payload()));
            }
            return telegrams;
        }
    }
}
