package org.p1iota.app.consent.message;

/**
 * My Home to device: "I want to pair with you". Opens a pairing; carries no secret.
 *
 * @param claimId a fresh random id that every later pairing message repeats
 * @param device  the device's inbox address, so a device ignores claims meant for another address
 * @param replyTo My Home's inbox address, where the device sends its challenge and result
 */
public record ClaimDevice(String claimId, String device, String replyTo) implements InboxMessage {

    public ClaimDevice {
        Check.id("claimId", claimId);
        Check.hash("device", device);
        Check.hash("replyTo", replyTo);
    }

    @Override
    public MessageType messageType() {
        return MessageType.CLAIM_DEVICE;
    }
}
