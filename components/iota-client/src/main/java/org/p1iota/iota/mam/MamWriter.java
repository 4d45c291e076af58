package org.p1iota.iota.mam;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A durable MAM v0 channel writer: {@link #create} returns the payload of the next message only after
 * the state, with that payload as the pending message, is on disk; {@link #confirm} (after the payload
 * is attached) advances. A process that dies in between gets the identical pending payload back from
 * {@link #create} with the same message after a restart, so a key index never signs two messages.
 * <p>
 * While a message is pending, creating a different one is refused ({@code PENDING_MESSAGE_DIFFERS}):
 * the channel's next root is already announced, so the pending message must be attached first
 * ({@link #pending()} gives it back to do that). Thread-safe.
 */
public final class MamWriter implements AutoCloseable {

    private final ChannelStore store;
    private final MamChannel channel;
    private CreatedMessage pending;
    private ChannelStore.Confirmed confirmed;

    private MamWriter(ChannelStore store, ChannelState state, CreatedMessage pending, ChannelStore.Confirmed confirmed) {
        this.store = store;
        this.channel = new MamChannel(state);
        this.pending = pending;
        this.confirmed = confirmed;
    }

    /**
     * Opens the channel kept in {@code file}, or starts it there from {@code initial} when the file does
     * not exist yet. An existing file wins (it knows how far the channel got), but it must be for the
     * same seed, mode and security as {@code initial} when one is given.
     */
    public static MamWriter open(Path file, ChannelState initial) throws MamException {
        ChannelStore store = ChannelStore.open(file);
        try {
            Optional<ChannelStore.StoredChannel> stored = store.load();
            if (stored.isEmpty()) {
                if (initial == null) {
                    throw new MamException(MamException.Reason.STORE_FAILED, "no channel file at " + store.file());
                }
                store.save(new ChannelStore.StoredChannel(initial, null));
                return new MamWriter(store, initial, null, null);
            }
            ChannelState state = stored.get().state();
            if (initial != null && (!initial.seed().equals(state.seed()) || initial.mode() != state.mode()
                    || initial.security() != state.security())) {
                throw new MamException(MamException.Reason.INVALID_CHANNEL, "channel file " + store.file()
                        + " belongs to another channel (seed, mode or security differ); move it away to start a new one");
            }
            return new MamWriter(store, state, stored.get().pending(), stored.get().confirmed());
        } catch (MamException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The payload for {@code messageTrytes} as the channel's next message, persisted as pending before it
     * is returned. Asking again for the same message while it is pending returns the same payload.
     */
    public synchronized CreatedMessage create(String messageTrytes) throws MamException {
        if (pending != null) {
            if (pending.message().equals(messageTrytes)) {
                return pending;
            }
            throw new MamException(MamException.Reason.PENDING_MESSAGE_DIFFERS, "key index " + pending.keyIndex()
                    + " already signed another message that is not confirmed yet: attach and confirm it first");
        }
        CreatedMessage created = channel.create(messageTrytes);
        store.save(new ChannelStore.StoredChannel(channel.state(), created, confirmed));
        pending = created;
        return created;
    }

    /**
     * The last confirmed message, when {@code messageTrytes} is that message and nothing is pending: a
     * caller that died after the confirmation, before it noted it, sends it again; it is on the tangle
     * already and must not become the channel's next message too.
     */
    public synchronized Optional<ChannelStore.Confirmed> confirmedAlready(String messageTrytes) {
        if (pending != null || confirmed == null || !confirmed.digest().equals(ChannelStore.Confirmed.digest(messageTrytes))) {
            return Optional.empty();
        }
        return Optional.of(confirmed);
    }

    /** The message created but not confirmed, e.g. after a restart: attach it, then {@link #confirm}. */
    public synchronized Optional<CreatedMessage> pending() {
        return Optional.ofNullable(pending);
    }

    /** The pending message is attached: advance the channel and persist. Returns the confirmed message. */
    public synchronized CreatedMessage confirm() throws MamException {
        if (pending == null) {
            throw new MamException(MamException.Reason.NOTHING_PENDING, "no created message waits for confirmation");
        }
        ChannelState next = channel.state().advance();
        ChannelStore.Confirmed done = ChannelStore.Confirmed.of(pending);
        store.save(new ChannelStore.StoredChannel(next, null, done));
        confirmed = done;
        channel.moveTo(next);
        CreatedMessage confirmed = pending;
        pending = null;
        return confirmed;
    }

    /**
     * Masks the following messages with {@code sideKey} (restricted channels; key rotation), persisted at
     * once. A pending message keeps the key it was created with.
     */
    public synchronized void changeSideKey(String sideKey) throws MamException {
        ChannelState changed = channel.state().withSideKey(Objects.requireNonNull(sideKey, "sideKey"));
        store.save(new ChannelStore.StoredChannel(changed, pending, confirmed));
        channel.moveTo(changed);
    }

    public synchronized ChannelState state() {
        return channel.state();
    }

    /** Root of the next message to create (a reader starting now begins here). */
    public synchronized String root() {
        return channel.root();
    }

    @Override
    public synchronized void close() throws MamException {
        store.close();
    }
}
