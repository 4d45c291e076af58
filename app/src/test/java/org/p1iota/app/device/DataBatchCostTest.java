package org.p1iota.app.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.channel.DataV2Codec;
import org.p1iota.app.channel.TelegramBatch;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.demo.MeterTelegrams;
import org.p1iota.app.spool.DurableSpool;
import org.p1iota.app.spool.SpoolRecord;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamMode;

/**
 * The tangle cost of a telegram by batch size and MAM security level, counted exactly as the device
 * publishes: telegrams of the shared capture spooled by {@link MeterIntake} (and of the demo meter),
 * encoded as DATA v2, wrapped as a restricted MAM message; transactions = MAM payload trytes / 2187.
 * docs/device.md and docs/performance.md quote the table printed here.
 */
class DataBatchCostTest {

    private static final int TRANSACTION_TRYTES = 2187;
    private static final String SEED = "SEED".repeat(20) + "9";
    private static final String DEVICE = "DEVICE".repeat(13) + "999";
    private static final int[] BATCHES = {1, 2, 5, 10, 15, 20, 30, 60};

    @TempDir
    Path data;

    @Test
    void theLargestBatchFitsOneMamMessageAndTheWorkerTakesIt() throws Exception {
        List<byte[]> telegrams = rawTelegramsOfTheCapture(Data.MAX_TELEGRAMS);
        try (DurableSpool spool = DurableSpool.open(data.resolve("spool"))) {
            DeviceState state = DeviceState.open(data.resolve("state.json"), "KEY", "ROOT".repeat(20) + "9");
            DeviceHouseholdEvents household = new DeviceHouseholdEvents(DEVICE, state, null, null);
            DataChannelWorker worker = new DataChannelWorker(DEVICE, spool, state, household, null, Data.MAX_TELEGRAMS,
                    java.time.Duration.ZERO, java.time.Clock.systemUTC());
            org.apache.camel.Exchange exchange = new org.apache.camel.support.DefaultExchange(new DefaultCamelContext());
            worker.prepareNext(exchange);
            assertThat(exchange.getMessage().getHeader(DataChannelWorker.WORK)).isEqualTo("DATA");
            TelegramBatch batch = DataV2Codec.decode(exchange.getMessage().getBody(String.class));
            assertThat(batch.telegrams()).hasSize(Data.MAX_TELEGRAMS);
            for (int i = 0; i < telegrams.size(); i++) {
                assertThat(batch.telegrams().get(i)).isEqualTo(telegrams.get(i));
            }
            assertThat(transactions(exchange.getMessage().getBody(String.class), 1)).isPositive();
            assertThat(state.inFlight()).contains(new DeviceState.InFlight(1, Data.MAX_TELEGRAMS));
        }
    }

    @Test
    void batchingSharesTheMamSignatureAmongTelegrams() throws Exception {
        List<byte[]> capture = rawTelegramsOfTheCapture(120);
        List<byte[]> demo = demoMeter(120);
        System.out.println("DATA v2 transactions per telegram (shared capture / demo meter), by batch and MAM security:");
        for (int security = 1; security <= 2; security++) {
            for (int batch : BATCHES) {
                System.out.printf("security %d, batch %2d: %.3f / %.3f%n", security, batch,
                        perTelegram(capture, batch, security), perTelegram(demo, batch, security));
            }
        }
        assertThat(perTelegram(capture, 10, 1)).isLessThan(perTelegram(capture, 1, 1));
        assertThat(perTelegram(capture, 10, 1)).isLessThanOrEqualTo(0.25);
        assertThat(perTelegram(demo, 10, 1)).isLessThanOrEqualTo(0.25);
        assertThat(perTelegram(capture, 2, 1)).isLessThanOrEqualTo(1.5);
        assertThat(perTelegram(demo, 2, 1)).isLessThanOrEqualTo(1.5);
    }

    static double perTelegram(List<byte[]> telegrams, int batch, int security) {
        long transactions = 0;
        int published = 0;
        for (int start = 0; start + batch <= telegrams.size(); start += batch) {
            transactions += transactions(DataV2Codec.encode(new TelegramBatch(DEVICE, start + 1, telegrams.subList(start, start + batch))),
                    security);
            published += batch;
        }
        return (double) transactions / published;
    }

    /** The transactions of a MAM message (restricted, one message a tree) carrying these message trytes. */
    static long transactions(String messageTrytes, int security) {
        try {
            MamChannel channel = new MamChannel(ChannelState.initial(SEED, MamMode.RESTRICTED, "KEY", security));
            return (channel.create(messageTrytes).payload().length() + TRANSACTION_TRYTES - 1) / TRANSACTION_TRYTES;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<byte[]> demoMeter(int count) {
        MeterTelegrams meter = MeterTelegrams.demoCapture();
        java.time.ZonedDateTime started = java.time.ZonedDateTime.now(MeterTelegrams.METER_ZONE);
        List<byte[]> telegrams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            telegrams.add(meter.telegram(i, started.plusSeconds(i), started));
        }
        return telegrams;
    }

    private List<byte[]> rawTelegramsOfTheCapture(int count) throws Exception {
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
            List<byte[]> telegrams = new ArrayList<>();
            for (SpoolRecord record : spool.peek(count)) {
                telegrams.add(MeterIntake.raw(record.payload()));
            }
            return telegrams;
        }
    }
}
