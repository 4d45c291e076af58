package org.p1iota.app.tools.p1;

import java.nio.charset.StandardCharsets;

import org.p1iota.camel.p1.frame.Crc16Arc;

/**
 * A complete DSMR 5.0 telegram with every usual object (three phases, power failure log, a gas meter
 * on M-Bus channel 1) and a valid CRC, for tools' tests.
 */
final class SampleTelegram {

    private SampleTelegram() {
    }

    static byte[] dsmr5() {
        String body = String.join("\r\n",
                "/XMX5LGBBFG1009999999",
                "",
                "1-3:0.2.8(50)",
                "0-0:1.0.0(240917143215S)",
                "0-0:96.1.1(4530303334303036393938373635343332)",
                "1-0:1.8.1(012345.678*kWh)",
                "1-0:1.8.2(009876.543*kWh)",
                "1-0:2.8.1(001234.567*kWh)",
                "1-0:2.8.2(002345.678*kWh)",
                "0-0:96.14.0(0002)",
                "1-0:1.7.0(01.234*kW)",
                "1-0:2.7.0(00.000*kW)",
                "0-0:96.7.21(00012)",
                "0-0:96.7.9(00004)",
                "1-0:99.97.0(2)(0-0:96.7.19)(230501120000S)(0000000300*s)(240102080000W)(0000004000*s)",
                "1-0:32.32.0(00003)",
                "1-0:52.32.0(00002)",
                "1-0:72.32.0(00001)",
                "1-0:32.36.0(00000)",
                "1-0:52.36.0(00000)",
                "1-0:72.36.0(00000)",
                "0-0:96.13.0()",
                "1-0:32.7.0(229.1*V)",
                "1-0:52.7.0(230.4*V)",
                "1-0:72.7.0(231.0*V)",
                "1-0:31.7.0(002*A)",
                "1-0:51.7.0(001*A)",
                "1-0:71.7.0(003*A)",
                "1-0:21.7.0(00.412*kW)",
                "1-0:41.7.0(00.198*kW)",
                "1-0:61.7.0(00.624*kW)",
                "1-0:22.7.0(00.000*kW)",
                "1-0:42.7.0(00.000*kW)",
                "1-0:62.7.0(00.000*kW)",
                "0-1:24.1.0(003)",
                "0-1:96.1.0(4730303339303031363532343837363534)",
                "0-1:24.2.1(240917143004S)(04567.891*m3)",
                "!");
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        String telegram = body + String.format("%04X", Crc16Arc.of(bytes, 0, bytes.length)) + "\r\n";
        return telegram.getBytes(StandardCharsets.US_ASCII);
    }
}
