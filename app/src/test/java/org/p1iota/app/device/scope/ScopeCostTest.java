package org.p1iota.app.device.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.p1iota.app.channel.DataChannelDecoder;
import org.p1iota.app.channel.TelegramBatch;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.Readings;
import org.p1iota.app.consent.message.Scope;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.tangle.TryteCodec;

/**
 * The tangle cost of each scoped channel, counted as the device publishes: the demo meter's telegrams
 * (one a second) through {@link IntervalAggregator}, each record as the READINGS message the device
 * sends (JSON as IOTA text), wrapped as a restricted MAM message at security 1; transactions = MAM
 * payload trytes / 2187. docs/protocol.md quotes the table printed here. An interval record is the
 * same size whatever the interval, so a day's cost is the messages a day times the transactions of one.
 */
class ScopeCostTest {

    private static final int TRANSACTION_TRYTES = 2187;
    private static final String DEVICE = "DEVICE".repeat(13) + "999";

    @Test
    void transactionsPerDayOfEachScope() throws Exception {
        List<Telegram> telegrams = demoTelegrams(31 * 60);
        ProtocolCodec codec = new ProtocolCodec();
        System.out.println("scope | message | transactions a message | messages a day | transactions a day");
        List<Scope> intervalScopes = List.of(Scope.of(Scope.Resolution.QUARTER_HOUR, Scope.Category.ENERGY),
                Scope.of(Scope.Resolution.QUARTER_HOUR, Scope.Category.ENERGY, Scope.Category.GAS),
                new Scope(Scope.Resolution.QUARTER_HOUR, List.of(Scope.Category.values())));
        long quarterHourEnergy = 0;
        for (Scope scope : intervalScopes) {
            Readings.Interval record = records(scope, telegrams).get(0);
            long perMessage = transactions(codec.encode(new Readings(DEVICE, scope, List.of(record))));
            for (Scope.Resolution resolution : List.of(Scope.Resolution.MINUTE, Scope.Resolution.QUARTER_HOUR,
                    Scope.Resolution.HOUR, Scope.Resolution.DAY)) {
                long perDay = 86_400 / resolution.interval().toSeconds();
                System.out.printf("%s %s | one record | %d | %d | %d%n", resolution, scope.categories(), perMessage, perDay,
                        perDay * perMessage);
            }
            if (scope.categories().equals(List.of(Scope.Category.ENERGY))) {
                quarterHourEnergy = perMessage * 96;
            }
        }
        Scope liveWithoutIds = Scope.of(Scope.Resolution.TELEGRAM, Scope.Category.ENERGY, Scope.Category.POWER);
        List<Readings.Interval> perTelegram = records(liveWithoutIds, telegrams.subList(0, 10));
        long batchOfTen = transactions(codec.encode(new Readings(DEVICE, liveWithoutIds, perTelegram)));
        System.out.printf("TELEGRAM %s | 10 telegrams (a DATA batch) | %d | 8640 | %d%n", liveWithoutIds.categories(),
                batchOfTen, batchOfTen * 8640);
        assertThat(quarterHourEnergy).as("15-minute electricity a day").isLessThanOrEqualTo(96 * 2);
    }

    static List<Readings.Interval> records(Scope scope, List<Telegram> telegrams) {
        IntervalAggregator aggregator = new IntervalAggregator(scope);
        IntervalAggregator.State state = IntervalAggregator.initial();
        List<Readings.Interval> records = new ArrayList<>();
        for (Telegram telegram : telegrams) {
            IntervalAggregator.Step step = aggregator.feed(state, telegram.parsed());
            state = step.next();
            step.completed().ifPresent(records::add);
        }
        assertThat(records).as("records of " + scope.channelName()).isNotEmpty();
        return records;
    }

    static List<Telegram> demoTelegrams(int count) throws Exception {
        List<byte[]> raw = org.p1iota.app.device.DataBatchCostTestAccess.demoMeter(count);
        List<Telegram> telegrams = new ArrayList<>();
        for (int start = 0; start < raw.size(); start += 360) {
            telegrams.addAll(DataChannelDecoder.toData(new TelegramBatch(DEVICE, start + 1,
                    raw.subList(start, Math.min(raw.size(), start + 360)))).telegrams());
        }
        return telegrams;
    }

    static long transactions(String json) throws Exception {
        MamChannel channel = new MamChannel(ChannelState.initial("SEED".repeat(20) + "9", MamMode.RESTRICTED, "KEY", 1));
        return (channel.create(TryteCodec.encode(json)).payload().length() + TRANSACTION_TRYTES - 1) / TRANSACTION_TRYTES;
    }
}
