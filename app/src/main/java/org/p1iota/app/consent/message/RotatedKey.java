package org.p1iota.app.consent.message;

/** Sealed inside one entry of {@link KeyRotation#keys()}: the data channel's new side key. */
public record RotatedKey(String policyId, String sideKey) implements SealedContent {

    public RotatedKey {
        Check.id("policyId", policyId);
        Check.hash("sideKey", sideKey);
    }

    @Override
    public MessageType messageType() {
        return MessageType.ROTATED_KEY;
    }

    @Override
    public String toString() {
        return "RotatedKey[policyId=" + policyId + ", side key hidden]";
    }
}
