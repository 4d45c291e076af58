package org.p1iota.app.channel;

import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;

/**
 * The preset deflate dictionary of DATA v2: typical DSMR lines, so that even the first telegram of a
 * message (which has no earlier telegram to refer to) compresses well. Deflate finds matches anywhere
 * in its 32 kB window but codes near ones shorter, so the most common lines come last.
 * <p>
 * Part of the protocol: a reader needs these exact bytes. Changing them means a new DATA version (the
 * zlib header names the dictionary by its Adler-32, {@link #ID}, so a reader refuses another one).
 */
final class DsmrDictionary {

    private static final String TEXT = ""
            // DSMR 2.2 / 3 and Belgian / Luxembourg lines, M-Bus devices other than gas
            + "0-0:96.13.1()\r\n0-0:17.0.0(0999.00*kW)\r\n0-0:96.3.10(1)\r\n0-1:24.3.0(" + "\r\n(m3)\r\n(00000.000)\r\n"
            + "0-1:24.4.0(1)\r\n0-2:24.1.0(007)\r\n0-2:96.1.0()\r\n0-2:24.2.1(000101000000W)(00000.000*m3)\r\n"
            + "0-1:24.1.0(007)\r\n0-1:24.2.3(000101000000W)(00000.000*m3)\r\n1-0:31.4.0(999*A)\r\n"
            + "0-0:96.1.4(50217)\r\n1-0:1.6.0(000101000000W)(00.000*kW)\r\n0-0:98.1.0(0)(1-0:1.6.0)(1-0:1.6.0)\r\n"
            + "1-3:0.2.8(42)\r\n1-3:0.2.8(40)\r\n/KFM5KAIFA-METER\r\n/XMX5LGBBFFB231237741\r\n/Ene5\\T210-D ESMR5.0\r\n"
            + "/ISk5\\2MT382-1000\r\n/ISK5\\2M550T-1012\r\n"
            // a DSMR 5 electricity meter with a gas meter, every line, in telegram order
            + "/ISK5\\2M550E-1012\r\n\r\n"
            + "1-3:0.2.8(50)\r\n"
            + "0-0:1.0.0(190101000000W)\r\n"
            + "0-0:96.1.1(4530303434303037313331363530363138)\r\n"
            + "1-0:1.8.1(000000.000*kWh)\r\n"
            + "1-0:1.8.2(000000.000*kWh)\r\n"
            + "1-0:2.8.1(000000.000*kWh)\r\n"
            + "1-0:2.8.2(000000.000*kWh)\r\n"
            + "0-0:96.14.0(0001)\r\n"
            + "0-0:96.14.0(0002)\r\n"
            + "1-0:1.7.0(00.000*kW)\r\n"
            + "1-0:2.7.0(00.000*kW)\r\n"
            + "0-0:96.7.21(00000)\r\n"
            + "0-0:96.7.9(00000)\r\n"
            + "1-0:99.97.0(1)(0-0:96.7.19)(000101000000W)(0000000000*s)\r\n"
            + "1-0:32.32.0(00000)\r\n"
            + "1-0:52.32.0(00000)\r\n"
            + "1-0:72.32.0(00000)\r\n"
            + "1-0:32.36.0(00000)\r\n"
            + "1-0:52.36.0(00000)\r\n"
            + "1-0:72.36.0(00000)\r\n"
            + "0-0:96.13.0()\r\n"
            + "1-0:32.7.0(230.0*V)\r\n"
            + "1-0:52.7.0(230.0*V)\r\n"
            + "1-0:72.7.0(230.0*V)\r\n"
            + "1-0:31.7.0(000*A)\r\n"
            + "1-0:51.7.0(000*A)\r\n"
            + "1-0:71.7.0(000*A)\r\n"
            + "1-0:21.7.0(00.000*kW)\r\n"
            + "1-0:41.7.0(00.000*kW)\r\n"
            + "1-0:61.7.0(00.000*kW)\r\n"
            + "1-0:22.7.0(00.000*kW)\r\n"
            + "1-0:42.7.0(00.000*kW)\r\n"
            + "1-0:62.7.0(00.000*kW)\r\n"
            + "0-1:24.1.0(003)\r\n"
            + "0-1:96.1.0(4730303339303031393132333435363738)\r\n"
            + "0-1:24.2.1(190101000000W)(00000.000*m3)\r\n"
            + "!0000\r\n";

    /** The dictionary's bytes (ISO-8859-1: DSMR telegrams are bytes, not UTF-8 text). */
    static final byte[] BYTES = TEXT.getBytes(StandardCharsets.ISO_8859_1);

    /** Its Adler-32, as the zlib header's DICTID names it. */
    static final long ID;

    static {
        Adler32 adler = new Adler32();
        adler.update(BYTES);
        ID = adler.getValue();
    }

    private DsmrDictionary() {
    }

    static byte[] bytes() {
        return BYTES.clone();
    }
}
