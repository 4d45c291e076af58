package org.p1iota.app.consent.message;

/**
 * Every message type, with its wire name (the {@code type} field), record and version. Versions are
 * per type: the four pairing messages are version 2 (sealed, see docs/protocol.md), the rest version 1.
 */
public enum MessageType {
    CLAIM_DEVICE(ClaimDevice.class, "claim-device", 2),
    CHALLENGE(Challenge.class, "challenge", 2),
    ANSWER_CHALLENGE(AnswerChallenge.class, "answer-challenge", 2),
    CLAIM_RESULT(ClaimResult.class, "claim-result", 2),
    MAM_DATA(MamData.class, "mam-data"),
    DEVICE_ADDED(DeviceAdded.class, "device-added"),
    DEVICE_DELETED(DeviceDeleted.class, "device-deleted"),
    AUTHORIZED(Authorized.class, "authorized"),
    AUTHORIZATION_REVOKED(AuthorizationRevoked.class, "authorization-revoked"),
    DATA(Data.class, "data"),
    KEY_ROTATION(KeyRotation.class, "key-rotation"),
    CHANNEL_KEYS(ChannelKeys.class, "channel-keys"),
    ROTATED_KEY(RotatedKey.class, "rotated-key");

    private final Class<? extends ProtocolMessage> recordClass;
    private final String schemaName;
    private final int version;

    MessageType(Class<? extends ProtocolMessage> recordClass, String schemaName) {
        this(recordClass, schemaName, ProtocolMessage.VERSION);
    }

    MessageType(Class<? extends ProtocolMessage> recordClass, String schemaName, int version) {
        this.recordClass = recordClass;
        this.schemaName = schemaName;
        this.version = version;
    }

    /** The version this release writes and the only one it reads for this type. */
    public int version() {
        return version;
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
