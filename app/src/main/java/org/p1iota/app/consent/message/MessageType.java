package org.p1iota.app.consent.message;

/** Every message type of protocol version 1, with its wire name (the {@code type} field) and record. */
public enum MessageType {
    CLAIM_DEVICE(ClaimDevice.class, "claim-device"),
    CHALLENGE(Challenge.class, "challenge"),
    ANSWER_CHALLENGE(AnswerChallenge.class, "answer-challenge"),
    CLAIM_RESULT(ClaimResult.class, "claim-result"),
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

    MessageType(Class<? extends ProtocolMessage> recordClass, String schemaName) {
        this.recordClass = recordClass;
        this.schemaName = schemaName;
    }

    public Class<? extends ProtocolMessage> recordClass() {
        return recordClass;
    }

    /** The file {@code docs/schemas/v1/<schemaName>.schema.json} documents this type. */
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
