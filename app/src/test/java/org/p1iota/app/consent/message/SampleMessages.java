package org.p1iota.app.consent.message;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One fully populated sample of every message type, for the codec and schema tests. */
public final class SampleMessages {

    public static final String DEVICE = "DEVICE" + "9".repeat(75);
    public static final String MY_HOME = "MYHOME" + "9".repeat(75);
    public static final String ROOT = "ROOT" + "A".repeat(77);
    public static final String SIDE_KEY = "SIDEKEY" + "B".repeat(74);
    public static final String CHALLENGE = "CHALLENGE" + "C".repeat(72);
    public static final String PROOF = "PROOF" + "D".repeat(76);
    /** A pairing message's box (version 2): base64url of nonce, ciphertext and tag. */
    public static final String SEALED = "AAECAwQFBgcICQoLCQmgSLmErhO9jdn8FrP1ycnvCIzi0x5yOKqAsZrcK6RutrSHFxVirNNyJB_nnJW8i7IPstEW";
    public static final String GRANT_SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    public static final String GRANT_PROOF = "dFknYpUtpXR0UQf5ci-f1Hy-bbnkoH1zoNsQ7FyavCU";
    public static final Instant AT = Instant.parse("2026-11-25T02:30:00Z");
    public static final ProviderIdentity PROVIDER = new ProviderIdentity("Wattt Insights", "https://wattt.example",
            "request-0001", "PROVIDER" + "9".repeat(73), "AQIDBAUGBwgJ", "3f2a-91c0-0b1d-77e4-a5c2");

    /** 15-minute electricity and gas (Wattt's "insights"). */
    public static final Scope SCOPE = Scope.of(Scope.Resolution.QUARTER_HOUR, Scope.Category.ENERGY, Scope.Category.GAS);
    static final Scope ALL_QUARTER_HOUR = new Scope(Scope.Resolution.QUARTER_HOUR, java.util.List.of(Scope.Category.values()));

    private SampleMessages() {
    }

    public static Map<MessageType, ProtocolMessage> all() {
        Map<MessageType, ProtocolMessage> all = new EnumMap<>(MessageType.class);
        ObjectNode parsed = new ObjectMapper().createObjectNode();
        parsed.put("electricityDeliveredTariff1", 123.456);
        put(all, new ClaimDevice(SEALED));
        put(all, new Challenge(SEALED));
        put(all, new AnswerChallenge(SEALED));
        put(all, new ClaimResult(SEALED));
        put(all, new MamData("ENVELOPE9TRYTES"));
        put(all, new DeviceAdded(DEVICE, "Meter cupboard", AT));
        put(all, new DeviceDeleted(DEVICE, AT));
        put(all, new Authorized("policy-0001", DEVICE, PROVIDER, "Monthly energy advice", AT, GRANT_SECRET, SCOPE,
                AT.plus(java.time.Duration.ofDays(30))));
        put(all, new AuthorizationRevoked("policy-0001", DEVICE, AT));
        put(all, new Data(DEVICE, java.util.List.of(new Telegram(7, "/ISK5\\2M550T-1012\r\n\r\n!ABCD\r\n", parsed),
                new Telegram(8, "/ISK5\\2M550T-1012\r\n\r\n!ABCE\r\n", parsed))));
        put(all, new KeyRotation(DEVICE, Map.of("policy-0001", "ENVELOPE9TRYTES")));
        put(all, new ChannelKeys("request-0001", "policy-0001", DEVICE, ROOT, SIDE_KEY, GRANT_PROOF, SCOPE,
                AT.plus(java.time.Duration.ofDays(30))));
        put(all, new Readings(DEVICE, ALL_QUARTER_HOUR, java.util.List.of(new Readings.Interval("2026-11-25T03:30+01:00",
                "2026-11-25T03:45+01:00", 900,
                new Readings.Registers("2026-11-25T03:30+01:00", new java.math.BigDecimal("1234.567"),
                        new java.math.BigDecimal("2345.678"), java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO),
                new Readings.Registers("2026-11-25T03:45+01:00", new java.math.BigDecimal("1234.667"),
                        new java.math.BigDecimal("2345.678"), java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO),
                new Readings.Power(new java.math.BigDecimal("0.4"), java.math.BigDecimal.ZERO),
                java.util.List.of(new Readings.Phase(1, new java.math.BigDecimal("231.2"), new java.math.BigDecimal("1.7"),
                        new java.math.BigDecimal("0.4"), java.math.BigDecimal.ZERO)),
                new Readings.Gas("2026-11-25T03:40+01:00", new java.math.BigDecimal("4567.123")),
                new Readings.Identity("4530303433303037", "4730303339303031")))));
        put(all, new RotatedKey("policy-0001", SIDE_KEY));
        return all;
    }

    private static void put(Map<MessageType, ProtocolMessage> all, ProtocolMessage message) {
        all.put(message.messageType(), message);
    }
}
