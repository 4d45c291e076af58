package org.p1iota.app.tools.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.CreatedMessage;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.pow.ProofOfWork;
import org.p1iota.iota.pow.TangleAttacher;
import org.p1iota.iota.tangle.ZeroValueBundle;

/**
 * Restricted MAM channels as many households' devices publish them, with their messages made ahead
 * (signed, bundled and attached at a low MWM), so that a benchmark or test can put them on a node at
 * any pace with storeTransactions alone: proof of work and signing do not count in what it measures.
 */
public final class SimulatedChannels {

    /** What message number {@code message} of channel {@code channel} carries, as trytes. */
    @FunctionalInterface
    public interface Content {
        String trytes(int channel, int message) throws Exception;
    }

    /** One channel: where a follower starts, with which key, and its messages' attached transactions. */
    public record Channel(String firstRoot, String sideKey, List<List<String>> messages) {
    }

    private static final String ALPHABET = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String EMPTY_HASH = "9".repeat(81);

    private SimulatedChannels() {
    }

    /**
     * @param pow the engine for the (low) MWM; tips are the null hash, which the embedded node accepts.
     *     Channels are made side by side, one per core (each channel's messages in order): signing is
     *     most of a benchmark's set-up time
     */
    public static List<Channel> make(int channels, int messagesEach, int mwm, ProofOfWork pow, Content content,
            SecureRandom random) throws Exception {
        TangleAttacher attacher = new TangleAttacher(pow);
        ExecutorService makers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<Channel>> made = new ArrayList<>(channels);
            for (int c = 0; c < channels; c++) {
                int index = c;
                made.add(makers.submit(() -> makeOne(index, messagesEach, mwm, attacher, content, random)));
            }
            List<Channel> result = new ArrayList<>(channels);
            for (Future<Channel> channel : made) {
                try {
                    result.add(channel.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return result;
        } finally {
            makers.shutdownNow();
        }
    }

    private static Channel makeOne(int index, int messagesEach, int mwm, TangleAttacher attacher, Content content,
            SecureRandom random) throws Exception {
        String sideKey = randomTrytes(random, 81);
        MamChannel channel = new MamChannel(ChannelState.initial(randomTrytes(random, 81), MamMode.RESTRICTED, sideKey, 1));
        String firstRoot = channel.root();
        List<List<String>> messages = new ArrayList<>(messagesEach);
        for (int m = 0; m < messagesEach; m++) {
            messages.add(attach(attacher, channel, content.trytes(index, m), mwm));
        }
        return new Channel(firstRoot, sideKey, messages);
    }

    private static List<String> attach(TangleAttacher attacher, MamChannel channel, String trytes, int mwm)
            throws MamException, InterruptedException {
        CreatedMessage created = channel.create(trytes);
        channel.advance();
        List<String> bundle = ZeroValueBundle.build(created.address(), "", created.payload(), System.currentTimeMillis() / 1000);
        return attacher.attach(EMPTY_HASH, EMPTY_HASH, mwm, bundle);
    }

    static String randomTrytes(SecureRandom random, int length) {
        StringBuilder trytes = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            trytes.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return trytes.toString();
    }
}
