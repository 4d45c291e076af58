package org.p1iota.iota.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** create → parse gives the message back, for every mode and security level, random messages and positions. */
class MamRoundTripPropertyTest {

    private final Random random = new Random(20261125);

    private String randomTrytes(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(Trits.ALPHABET.charAt(random.nextInt(27)));
        }
        return out.toString();
    }

    private int randomLength() {
        int pick = random.nextInt(10);
        return pick == 0 ? random.nextInt(4) : pick < 8 ? random.nextInt(600) : 9 * random.nextInt(500);
    }

    @Test
    void everyModeAndSecurityRoundTrips() throws MamException {
        for (MamMode mode : MamMode.values()) {
            for (int security = 1; security <= 3; security++) {
                String sideKey = mode == MamMode.RESTRICTED ? randomTrytes(1 + random.nextInt(81)) : null;
                int count = 1 << random.nextInt(3);
                long start = random.nextInt(1000);
                MamChannel channel = new MamChannel(ChannelState.of(randomTrytes(81), mode, sideKey, security, start, 0, count, count));
                String expectedRoot = channel.root();
                for (int n = 0; n < count + 1; n++) {
                    String message = randomTrytes(randomLength());
                    CreatedMessage created = channel.create(message);
                    String where = mode + " security " + security + " count " + count + " message " + n;
                    assertThat(created.root()).as(where).isEqualTo(expectedRoot);
                    assertThat(created.address()).as(where).isEqualTo(MamAddresses.address(created.root(), mode));
                    MamMessage parsed = MamParser.parse(created.payload() + "9".repeat(random.nextInt(30)), created.root(), sideKey);
                    assertThat(parsed).as(where).isEqualTo(new MamMessage(message, created.nextRoot()));
                    if (mode == MamMode.RESTRICTED) {
                        MamException wrongKey = catchThrowableOfType(MamException.class,
                                () -> MamParser.parse(created.payload(), created.root(), "NOT" + sideKey.substring(0, Math.min(70, sideKey.length()))));
                        assertThat(wrongKey).as(where).isNotNull();
                    }
                    channel.advance();
                    if (channel.state().index() == 0) {
                        expectedRoot = created.nextRoot();
                    }
                }
            }
        }
    }

    @Test
    void messagesOverTheAgreedSizeAreRefused() throws MamException {
        MamChannel channel = new MamChannel(ChannelState.initial(randomTrytes(81), MamMode.PUBLIC, null, 1));
        MamException e = catchThrowableOfType(MamException.class,
                () -> channel.create("A".repeat(MamTrytes.MAX_MESSAGE_TRYTES + 1)));
        assertThat(e.reason()).isEqualTo(MamException.Reason.MESSAGE_TOO_LONG);
        assertThat(e.getMessage()).contains("88573");
        MamException bad = catchThrowableOfType(MamException.class, () -> channel.create("hello"));
        assertThat(bad.reason()).isEqualTo(MamException.Reason.INVALID_TRYTES);
    }

    @Test
    void theLargestAllowedMessageRoundTrips() throws MamException {
        MamChannel channel = new MamChannel(ChannelState.initial(randomTrytes(81), MamMode.PRIVATE, null, 1));
        String message = randomTrytes(MamTrytes.MAX_MESSAGE_TRYTES);
        CreatedMessage created = channel.create(message);
        assertThat(MamParser.parse(created.payload(), created.root(), null).message()).isEqualTo(message);
    }

    @Test
    void channelSettingsAreChecked() {
        String seed = randomTrytes(81);
        assertThat(reasonOf(() -> ChannelState.of(seed, MamMode.PUBLIC, null, 0, 0, 0, 1, 1))).isEqualTo(MamException.Reason.INVALID_CHANNEL);
        assertThat(reasonOf(() -> ChannelState.of(seed, MamMode.PUBLIC, null, 4, 0, 0, 1, 1))).isEqualTo(MamException.Reason.INVALID_CHANNEL);
        assertThat(reasonOf(() -> ChannelState.of(seed, MamMode.PUBLIC, null, 1, 0, 0, 6, 6))).isEqualTo(MamException.Reason.INVALID_CHANNEL);
        assertThat(reasonOf(() -> ChannelState.of(seed, MamMode.PUBLIC, null, 1, 0, 2, 2, 2))).isEqualTo(MamException.Reason.INVALID_CHANNEL);
        assertThat(reasonOf(() -> ChannelState.of(seed, MamMode.PUBLIC, "KEY", 1, 0, 0, 1, 1))).isEqualTo(MamException.Reason.INVALID_CHANNEL);
        assertThat(reasonOf(() -> ChannelState.of(seed, MamMode.RESTRICTED, null, 1, 0, 0, 1, 1))).isEqualTo(MamException.Reason.INVALID_CHANNEL);
        assertThat(reasonOf(() -> ChannelState.of(seed.substring(1), MamMode.PUBLIC, null, 1, 0, 0, 1, 1))).isEqualTo(MamException.Reason.INVALID_TRYTES);
        assertThat(reasonOf(() -> ChannelState.of(seed, MamMode.RESTRICTED, "k", 1, 0, 0, 1, 1))).isEqualTo(MamException.Reason.INVALID_TRYTES);
    }

    interface Call {
        void run() throws MamException;
    }

    private static MamException.Reason reasonOf(Call call) {
        try {
            call.run();
        } catch (MamException e) {
            return e.reason();
        }
        return null;
    }
}
