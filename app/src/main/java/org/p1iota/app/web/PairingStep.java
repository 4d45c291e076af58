package org.p1iota.app.web;

/** The tangle round trips of pairing, in order, as the devices page lists them. */
public enum PairingStep {
    CLAIM_SENT("claim_sent", "Sent the claim to the device"),
    CHALLENGE_RECEIVED("challenge_received", "The device answered with a challenge"),
    ANSWER_SENT("answer_sent", "Sent the proof of the pairing code"),
    RESULT_RECEIVED("result_received", "The device accepted the pairing"),
    DEVICE_ADDED("device_added", "Published DEVICE_ADDED on the event channel");

    private final String key;
    private final String label;

    PairingStep(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
