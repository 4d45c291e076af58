package org.p1iota.camel.iota.state;

/**
 * A channel being followed: where the next message is expected and how to unmask it.
 *
 * @param id      the subscription's name within its endpoint (e.g. a household id)
 * @param root    root of the next message to read
 * @param mode    public, private or restricted
 * @param sideKey the restricted channel's side key, or null
 */
public record Subscription(String id, String root, String mode, String sideKey) {

    public Subscription withRoot(String newRoot) {
        return new Subscription(id, newRoot, mode, sideKey);
    }

    public Subscription withSideKey(String newSideKey) {
        return new Subscription(id, root, mode, newSideKey);
    }

    @Override
    public String toString() {
        // the side key is a secret: never in logs
        return "Subscription[id=" + id + ", root=" + root + ", mode=" + mode + "]";
    }
}
