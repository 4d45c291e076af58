package org.p1iota.app.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * int and long options with the launcher's message ("--runs needs a whole number, not 'many'"); the
 * launcher puts the option's name in front.
 */
public final class WholeNumber {

    private WholeNumber() {
    }

    public static final ITypeConverter<Integer> INT = value -> {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("needs a whole number, not '" + value + "'");
        }
    };

    public static final ITypeConverter<Long> LONG = value -> {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("needs a whole number, not '" + value + "'");
        }
    };
}
