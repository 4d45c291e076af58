package org.p1iota.app.consent.message;

/**
 * Every message type of the protocol, with its wire name (the {@code type} field), its record and its
 * version: each type is versioned on its own (the four pairing messages, MAM_DATA, CHANNEL_KEYS and
 * AUTHORIZED are at 2; see docs/protocol.md).
 */
public enum MessageType {
    // pairing v2 is sealed (docs/protocol.md); v1 pairing is not read: both ends of a pairing run one release
    CLAIM_DEVICE(ClaimDevice.class, "claim-device", 2, 2),
    CHALLENGE(Challenge.class, "challenge", 2, 2),
    ANSWER_CHALLENGE(AnswerChallenge.class, "answer-challenge", 2, 2),
    CLAIM_RESULT(ClaimResult.class, "claim-result", 2, 2),
    MAM_DATA(MamData.class, "mam-data", 2, 2),
    DEVICE_ADDED(DeviceAdded.class, "device-added"),
    DEVICE_DELETED(DeviceDeleted.class, "device-deleted"),
    // version 1 is still read: My Home's channel and a device's state keep the events granted before v2
    // version 3 adds the scope and the end date (absent: the full scope, no end); 1 and 2 are still read
    AUTHORIZED(Authorized.class, "authorized", 3, 1),
    AUTHORIZATION_REVOKED(AuthorizationRevoked.class, "authorization-revoked"),
    DATA(Data.class, "data"),
    KEY_ROTATION(KeyRotation.class, "key-rotation"),
    // version 3 names the scope the keys open and the policy's end
    CHANNEL_KEYS(ChannelKeys.class, "channel-keys", 3, 2),
    ROTATED_KEY(RotatedKey.class, "rotated-key"),
    // on a scoped data channel: computed records of the scope's categories only (docs/protocol.md, "Scopes")
    READINGS(Readings.class, "readings");

    private final Class<? extends ProtocolMessage> recordClass;
    private final String schemaName;
    private final int version;
    private final int oldestReadable;

    MessageType(Class<? extends ProtocolMessage> recordClass, String schemaName) {
        this(recordClass, schemaName, ProtocolMessage.VERSION, ProtocolMessage.VERSION);
    }

    MessageType(Class<? extends ProtocolMessage> recordClass, String schemaName, int version, int oldestReadable) {
        this.recordClass = recordClass;
        this.schemaName = schemaName;
        this.version = version;
        this.oldestReadable = oldestReadable;
    }

    /** The version this release writes; documented in {@code docs/schemas/v<version>/}. */
    public int version() {
        return version;
    }

    /** Whether this release reads the type in {@code version}. */
    public boolean reads(long version) {
        return version >= oldestReadable && version <= this.version;
    }

    public Class<? extends ProtocolMessage> recordClass() {
        return recordClass;
    }

    /** The file {@code docs/schemas/v<version>/<schemaName>.schema.json} documents this type. */
    public String schemaName() {
        return schemaName;
    }

    /** The type named on the wire, or null when this release knows no such type. */
    public static MessageType byWireName(String name) {
        for (MessageType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
