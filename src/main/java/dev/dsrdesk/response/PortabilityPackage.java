package dev.dsrdesk.response;

import dev.dsrdesk.export.Csv;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dsrdesk.fulfilment.EntityRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * The Art. 20 package: a ZIP with manifest.json, data.json (every entity's records) and one CSV per
 * data category (entity, field, value, source), so the requester can take the data to another service. The CSVs
 * are opened in spreadsheets and their values come from stores anyone could have typed into, so a cell that would run
 * as a formula is neutralised there; data.json keeps every value exactly.
 */
@Component
class PortabilityPackage {

    static final String SCHEMA_VERSION = "1.0";

    private final ObjectMapper json;

    PortabilityPackage(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    byte[] zip(CompiledResponse response) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            write(zip, "manifest.json", json.writeValueAsBytes(manifest(response)));
            write(zip, "data.json", json.writeValueAsBytes(data(response)));
            for (Map.Entry<String, StringBuilder> csv : csvByCategory(response).entrySet()) {
                write(zip, csv.getKey(), csv.getValue().toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a ZIP in memory cannot fail on I/O", e);
        }
        return bytes.toByteArray();
    }

    private Map<String, Object> manifest(CompiledResponse response) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", SCHEMA_VERSION);
        manifest.put("generatedAt", response.compiledAt().toString());
        manifest.put("reference", response.request().getReference());
        manifest.put("requestType", response.request().getType().name());
        manifest.put("entities", response.involved().stream().map(section -> Map.of(
                "id", section.id(), "name", section.name(), "records", section.records().size())).toList());
        manifest.put("files", List.of("data.json", "one CSV per data category: entity, field, value, source"));
        return manifest;
    }

    private Map<String, Object> data(CompiledResponse response) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", response.request().getReference());
        data.put("subject", Map.of("fullName", response.request().getFullName(), "email", response.request().getEmail()));
        data.put("entities", response.involved().stream().map(section -> Map.of(
                "id", section.id(), "name", section.name(), "records", section.records())).toList());
        return data;
    }

    private static Map<String, StringBuilder> csvByCategory(CompiledResponse response) {
        Map<String, StringBuilder> files = new TreeMap<>();
        for (CompiledResponse.EntitySection section : response.involved()) {
            for (EntityRecord record : section.records()) {
                files.computeIfAbsent(fileName(record.category()), name -> new StringBuilder("entity,field,value,source\r\n"))
                        .append(Csv.spreadsheetSafe(section.name())).append(',').append(Csv.spreadsheetSafe(record.field())).append(',')
                        .append(Csv.spreadsheetSafe(record.value())).append(',').append(Csv.spreadsheetSafe(record.source())).append("\r\n");
            }
        }
        return files;
    }

    /** "Contact information" → contact-information.csv */
    static String fileName(String category) {
        String ascii = Normalizer.normalize(category, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "uncategorised" : slug) + ".csv";
    }

    private static void write(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
