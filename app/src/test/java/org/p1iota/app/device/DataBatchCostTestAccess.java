package org.p1iota.app.device;

import java.util.List;

/** The demo meter's telegrams of {@link DataBatchCostTest}, for the scoped channels' cost table. */
public final class DataBatchCostTestAccess {

    private DataBatchCostTestAccess() {
    }

    public static List<byte[]> demoMeter(int count) {
        return DataBatchCostTest.demoMeter(count);
    }
}
