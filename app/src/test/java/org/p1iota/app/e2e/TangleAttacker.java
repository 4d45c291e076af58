package org.p1iota.app.e2e;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.p1iota.app.consent.secrets.RandomTrytes;
import org.p1iota.camel.iota.IotaNodeConfiguration;
import org.p1iota.iota.pow.ProofOfWorkEngines;
import org.p1iota.iota.tangle.RetryPolicy;
import org.p1iota.iota.tangle.TangleClient;
import org.p1iota.iota.tangle.TangleMessage;
import org.p1iota.iota.tangle.TryteCodec;

/**
 * Someone with nothing but the node's public API: reads any address, writes anything anywhere, fast
 * (it polls every 100 ms, the device every few seconds). Knows no seed and no pairing code. Its
 * forgeries work on the wire's JSON, whatever the protocol version: it copies, relabels and scrambles
 * what it sees.
 */
final class TangleAttacker implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final SecureRandom random = new SecureRandom();
    private final int nodePort;
    private final int mwm;
    private final TangleClient reader;
    private final List<Thread> watchers = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean closed;

    TangleAttacker(int nodePort, int mwm) {
        this.nodePort = nodePort;
        this.mwm = mwm;
        this.reader = client();
    }

    private TangleClient client() {
        IotaNodeConfiguration node = new IotaNodeConfiguration();
        node.setNodeUrl("http://127.0.0.1:" + nodePort);
        node.setMinWeightMagnitude(mwm);
        node.setLocalPow(true);
        // a fresh tag per message: the same JSON sent twice must make two bundles, as a replay would
        node.setTag("EVIL" + RandomTrytes.of(random, 23));
        return new TangleClient(node, ProofOfWorkEngines.defaultEngine(1), RetryPolicy.NONE, Clock.systemUTC());
    }

    /** Every message at {@code address}, as text, oldest first. */
    List<String> messagesAt(String address) throws Exception {
        List<String> texts = new ArrayList<>();
        for (TangleMessage message : reader.read(address).messages()) {
            texts.add(text(message));
        }
        return texts;
    }

    void send(String address, String json) throws Exception {
        client().send(address, TryteCodec.encode(json));
        sent.incrementAndGet();
    }

    /** How many messages this attacker wrote. */
    int sent() {
        return sent.get();
    }

    /** Calls {@code onMessage} with each new message at {@code address} (JSON, or null for non-JSON), until closed. */
    void watch(String address, Consumer<JsonNode> onMessage) {
        Thread thread = new Thread(() -> {
            Set<String> seen = new HashSet<>();
            while (!closed) {
                try {
                    for (TangleMessage message : reader.read(address).messages()) {
                        if (seen.add(message.bundleHash())) {
                            onMessage.accept(parse(text(message)));
                        }
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println("attacker: " + e);
                }
            }
        }, "tangle-attacker");
        thread.setDaemon(true);
        watchers.add(thread);
        thread.start();
    }

    /** The same message under another type: a cut-and-paste between message types. */
    static ObjectNode relabel(JsonNode message, String type) {
        ObjectNode copy = message.deepCopy();
        copy.put("type", type);
        return copy;
    }

    /** The message with every string field but {@code type} replaced by random text of its length and alphabet. */
    ObjectNode scramble(JsonNode message, String type) {
        ObjectNode copy = relabel(message, type);
        for (var names = message.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode value = message.get(name);
            if (!name.equals("type") && value.isTextual()) {
                copy.put(name, randomLike(value.textValue()));
            }
        }
        return copy;
    }

    String randomLike(String value) {
        if (value.matches("[9A-Z]+")) {
            return RandomTrytes.of(random, value.length());
        }
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            text.append(BASE64URL.charAt(random.nextInt(BASE64URL.length())));
        }
        return text.toString();
    }

    String randomTrytes(int length) {
        return RandomTrytes.of(random, length);
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(TangleMessage message) {
        try {
            return TryteCodec.decodeText(message.trytes());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (Thread watcher : watchers) {
            watcher.interrupt();
            watcher.join(5000);
        }
    }
}
