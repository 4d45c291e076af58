package org.p1iota.app.consent.policy;

import java.util.List;

/** What a device must do after an event on My Home's channel: decisions as data, carried out by the routes. */
public sealed interface DeviceAction {

    /** Send MAM_DATA to the policy's provider: the channel's next root and side key, sealed for its key. */
    record DeliverKeys(ConsentPolicy policy) implements DeviceAction {
    }

    /**
     * Draw a new side key, publish KEY_ROTATION under the old one with the new key sealed for each of
     * {@code remaining}, then publish under the new key. {@code remaining} may be empty.
     *
     * @param ended the policies whose end caused the rotation
     */
    record RotateSideKey(List<ConsentPolicy> ended, List<ConsentPolicy> remaining) implements DeviceAction {
        public RotateSideKey {
            ended = List.copyOf(ended);
            remaining = List.copyOf(remaining);
        }
    }
}
