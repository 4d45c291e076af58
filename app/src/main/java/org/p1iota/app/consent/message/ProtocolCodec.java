package org.p1iota.app.consent.message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Encodes every protocol message to JSON and decodes any of them by its {@code type}. Decoding is
 * strict, because inboxes are public: the input size is checked before parsing; nesting, strings and
 * numbers are bounded; duplicate keys, unknown types, other versions, unknown or missing fields and
 * type coercions ({@code "1"} for 1, 1 for {@code "1"}) are all refused with a {@link ProtocolException}.
 * Thread-safe.
 */
public final class ProtocolCodec {

    /** Enough for a DATA batch of a few hundred telegrams; the default for channel messages. */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    /** Inbox messages are small (MAM_DATA is about 3 kB); anything larger on an inbox is garbage. */
    public static final int INBOX_MAX_BYTES = 16 * 1024;
    private static final int MAX_NESTING = 16;

    private final int maxBytes;
    private final ObjectMapper mapper;

    public ProtocolCodec() {
        this(DEFAULT_MAX_BYTES);
    }

    public ProtocolCodec(int maxBytes) {
        if (maxBytes < 256) {
            throw new IllegalArgumentException("maxBytes must be at least 256");
        }
        this.maxBytes = maxBytes;
        this.mapper = strictMapper(maxBytes);
    }

    /** A codec for a public inbox: at most {@link #INBOX_MAX_BYTES}. */
    public static ProtocolCodec forInbox() {
        return new ProtocolCodec(INBOX_MAX_BYTES);
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** The message as compact JSON, {@code type} and {@code version} first. */
    public String encode(ProtocolMessage message) {
        ObjectNode fields = mapper.valueToTree(message);
        ObjectNode json = mapper.createObjectNode();
        json.put("type", message.messageType().name());
        json.put("version", message.messageType().version());
        json.setAll(fields);
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a valid message always encodes", e);
        }
    }

    public byte[] encodeUtf8(ProtocolMessage message) {
        return encode(message).getBytes(StandardCharsets.UTF_8);
    }

    public ProtocolMessage decode(String json) throws ProtocolException {
        if (json == null) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED_JSON, "no message");
        }
        if (json.length() > maxBytes) {
            throw oversize(json.length());
        }
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }

    public ProtocolMessage decode(byte[] utf8) throws ProtocolException {
        if (utf8 == null) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED_JSON, "no message");
        }
        if (utf8.length > maxBytes) {
            throw oversize(utf8.length);
        }
        ObjectNode json = readObject(utf8);
        MessageType type = typeOf(json);
        checkVersion(json, type);
        json.remove("type");
        json.remove("version");
        checkFieldNames(json, type);
        return bind(json, type);
    }

    /** Decodes and insists on one kind of message, e.g. {@code decode(json, InboxMessage.class)}. */
    public <T extends ProtocolMessage> T decode(String json, Class<T> expected) throws ProtocolException {
        return expect(decode(json), expected);
    }

    public <T extends ProtocolMessage> T decode(byte[] utf8, Class<T> expected) throws ProtocolException {
        return expect(decode(utf8), expected);
    }

    private static <T extends ProtocolMessage> T expect(ProtocolMessage message, Class<T> expected) throws ProtocolException {
        if (!expected.isInstance(message)) {
            throw new ProtocolException(ProtocolException.Reason.UNEXPECTED_TYPE,
                    message.messageType() + " is not a " + expected.getSimpleName());
        }
        return expected.cast(message);
    }

    private ProtocolException oversize(int length) {
        return new ProtocolException(ProtocolException.Reason.OVERSIZE,
                "message of " + length + " bytes is larger than the limit of " + maxBytes);
    }

    private ObjectNode readObject(byte[] utf8) throws ProtocolException {
        JsonNode tree;
        try {
            tree = mapper.readTree(utf8);
        } catch (IOException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED_JSON, "not JSON: " + printable(e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage())), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ProtocolException(ProtocolException.Reason.NOT_AN_OBJECT, "a message is a JSON object");
        }
        return (ObjectNode) tree;
    }

    private static MessageType typeOf(ObjectNode json) throws ProtocolException {
        JsonNode type = json.get("type");
        if (type == null || !type.isTextual()) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_TYPE, "a message needs a string field 'type'");
        }
        MessageType known = MessageType.byWireName(type.textValue());
        if (known == null) {
            throw new ProtocolException(ProtocolException.Reason.UNKNOWN_TYPE,
                    "unknown message type '" + printable(type.textValue()) + "'");
        }
        return known;
    }

    private static void checkVersion(ObjectNode json, MessageType type) throws ProtocolException {
        JsonNode version = json.get("version");
        if (version == null) {
            throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD, type + " needs a field 'version'");
        }
        if (!version.isIntegralNumber() || !type.reads(version.asLong())) {
            throw new ProtocolException(ProtocolException.Reason.UNSUPPORTED_VERSION,
                    type + " version " + printable(version.toString()) + " is not supported (this release reads version "
                            + type.version() + ")");
        }
    }

    private static void checkFieldNames(ObjectNode json, MessageType type) throws ProtocolException {
        Set<String> allowed = new LinkedHashSet<>();
        for (var component : type.recordClass().getRecordComponents()) {
            allowed.add(component.getName());
            if (!component.isAnnotationPresent(OptionalField.class) && !json.has(component.getName())) {
                throw new ProtocolException(ProtocolException.Reason.MISSING_FIELD,
                        type + " needs a field '" + component.getName() + "'");
            }
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ProtocolException(ProtocolException.Reason.UNKNOWN_FIELD,
                        type + " has no field '" + printable(name) + "'");
            }
        }
    }

    private ProtocolMessage bind(ObjectNode json, MessageType type) throws ProtocolException {
        try {
            return mapper.treeToValue(json, type.recordClass());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ProtocolException(ProtocolException.Reason.INVALID_FIELD, type + ": " + cause.getMessage(), e);
        } catch (UnrecognizedPropertyException e) {
            throw new ProtocolException(ProtocolException.Reason.UNKNOWN_FIELD,
                    type + " has no field '" + printable(e.getPropertyName()) + "' at " + path(e), e);
        } catch (MismatchedInputException e) {
            throw new ProtocolException(ProtocolException.Reason.INVALID_FIELD,
                    type + ": wrong JSON type at " + path(e), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ProtocolException(ProtocolException.Reason.INVALID_FIELD, type + ": " + e.getMessage(), e);
        }
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            path.append(reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]");
        }
        return path.length() == 0 ? "the top level" : path.substring(path.charAt(0) == '.' ? 1 : 0);
    }

    /** Parts of untrusted input quoted in an error message: short and free of control characters. */
    private static String printable(String untrusted) {
        String cut = untrusted.length() > 120 ? untrusted.substring(0, 120) + "..." : untrusted;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static ObjectMapper strictMapper(int maxBytes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(maxBytes)
                        .maxNumberLength(19)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                .addModule(new SimpleModule("p1iota-instant")
                        .addSerializer(Instant.class, new InstantAsText())
                        .addDeserializer(Instant.class, new InstantFromText()))
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Boolean,
                LogicalType.Float, LogicalType.Enum, LogicalType.Collection, LogicalType.Map, LogicalType.POJO}) {
            mapper.coercionConfigFor(type)
                    // a whole number is a valid decimal (READINGS writes 0, not 0.0)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String,
                            type == LogicalType.Textual || type == LogicalType.Enum ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString,
                            type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }

    /** Instants as ISO-8601 text in UTC ({@code 2026-11-25T02:30:00Z}), the only form accepted. */
    private static final class InstantAsText extends StdScalarSerializer<Instant> {
        InstantAsText() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class InstantFromText extends StdScalarDeserializer<Instant> {
        InstantFromText() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            try {
                return Instant.parse(parser.getText());
            } catch (DateTimeParseException e) {
                throw MismatchedInputException.from(parser, Instant.class, "not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
        }
    }
}
