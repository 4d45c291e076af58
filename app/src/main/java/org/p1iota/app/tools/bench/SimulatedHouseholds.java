package org.p1iota.app.tools.bench;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.p1iota.app.channel.DataV2Codec;
import org.p1iota.app.channel.TelegramBatch;
import org.p1iota.app.demo.MeterTelegrams;
import org.p1iota.app.provider.ChannelPositions;
import org.p1iota.app.provider.Household;
import org.p1iota.app.provider.HouseholdState;
import org.p1iota.app.provider.HouseholdStore;
import org.p1iota.app.provider.ProviderDatabase;
import org.p1iota.iota.pow.ProofOfWork;
import org.p1iota.camel.iota.state.Subscription;

/**
 * Households whose devices publish DATA v2 (real telegrams of the demo capture, CRC intact) on their
 * restricted data channels, made ahead ({@link SimulatedChannels}), and recorded in a provider's
 * database as granted and followed, as if each had gone through the consent flow: what the provider
 * benchmark and the failover test feed a provider with. Message {@code m} of a household carries the
 * telegrams with sequences {@code m * perMessage} to {@code (m + 1) * perMessage - 1}.
 */
public final class SimulatedHouseholds {

    /** One household: its request id, its device's address and its data channel. */
    public record Simulated(String id, String device, SimulatedChannels.Channel channel) {
    }

    private SimulatedHouseholds() {
    }

    public static List<Simulated> make(int count, int messages, int perMessage, int mwm, ProofOfWork pow, SecureRandom random)
            throws Exception {
        MeterTelegrams capture = MeterTelegrams.demoCapture();
        ZonedDateTime start = ZonedDateTime.now(MeterTelegrams.METER_ZONE);
        List<String> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            devices.add(SimulatedChannels.randomTrytes(random, 81));
        }
        List<SimulatedChannels.Channel> channels = SimulatedChannels.make(count, messages, mwm, pow, (c, m) -> {
            List<byte[]> telegrams = new ArrayList<>(perMessage);
            for (int t = 0; t < perMessage; t++) {
                long sent = (long) m * perMessage + t;
                telegrams.add(capture.telegram(sent, start.plusSeconds(sent), start));
            }
            return DataV2Codec.encode(new TelegramBatch(devices.get(c), (long) m * perMessage, telegrams));
        }, random);
        List<Simulated> households = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            households.add(new Simulated(String.format("req_sim%06d", i), devices.get(i), channels.get(i)));
        }
        return households;
    }

    /** Records every household as receiving from its device, and its channel as followed from its first message. */
    public static void register(List<Simulated> households, ProviderDatabase database, SecureRandom random) throws SQLException {
        HouseholdStore store = new HouseholdStore(database);
        ChannelPositions positions = new ChannelPositions(database, java.time.Clock.systemUTC());
        int keyIndex = store.nextKeyIndex();
        for (Simulated household : households) {
            store.insert(new Household(household.id(), keyIndex++, SimulatedChannels.randomTrytes(random, 81), "benchmark",
                    Instant.now(), HouseholdState.WAITING_FOR_KEYS, null, null, null));
            store.startReceiving(household.id(), "pol_" + household.id(), household.device());
            positions.put(new Subscription(household.id(), household.channel().firstRoot(), "restricted", household.channel().sideKey()));
        }
    }
}
