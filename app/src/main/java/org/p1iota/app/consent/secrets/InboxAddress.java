package org.p1iota.app.consent.secrets;

import org.iota.jota.error.ArgumentException;
import org.iota.jota.pow.SpongeFactory;
import org.iota.jota.utils.IotaAPIUtils;

/**
 * A role's inbox: the IOTA address at index 0 of its seed, security level 2, without checksum
 * (81 trytes), as jota computes it with Kerl.
 */
public final class InboxAddress {

    public static final int SECURITY = 2;

    private InboxAddress() {
    }

    public static String of(Seed seed) {
        return at(seed, 0);
    }

    public static String at(Seed seed, int index) {
        try {
            return IotaAPIUtils.newAddress(seed.trytes(), SECURITY, index, false, SpongeFactory.create(SpongeFactory.Mode.KERL));
        } catch (ArgumentException e) {
            throw new IllegalArgumentException("cannot derive address " + index + ": " + e.getMessage(), e);
        }
    }
}
