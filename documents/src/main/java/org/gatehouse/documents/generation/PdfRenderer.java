package org.gatehouse.documents.generation;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders a document's XHTML to PDF with openhtmltopdf (PDFBox), embedding the subset of the CJK
 * font the text uses (a Type 0 font with its TrueType program, {@code /FontFile2}). Cross-reference
 * streams are not used, so the font objects stay readable in the file.
 */
public final class PdfRenderer {
    /** The CSS family name {@link HtmlRenderer#STYLE} asks for. */
    static final String FAMILY = "gatehouse-cjk";

    private PdfRenderer() {
    }

    public static byte[] render(String xhtml, Path font, String title) {
        try (PDDocument document = new PDDocument(); FontFile file = FontFile.open(font)) {
            PDType0Font pdFont = PDType0Font.load(document, file.font(), true);
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setProducer("Gatehouse");
            PdfRendererBuilder builder = new PdfRendererBuilder().usePDDocument(document)
                    .useFont(new PDFontSupplier(pdFont), FAMILY).withHtmlContent(xhtml, null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                document.save(out, CompressParameters.NO_COMPRESSION);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the PDF", e);
        }
    }

    /** A TrueType font, or the first font of a collection, kept open until the PDF is saved. */
    private record FontFile(TrueTypeFont font, Closeable owner) implements Closeable {
        static FontFile open(Path path) throws IOException {
            if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
                AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                collection.processAllFonts(f -> first.compareAndSet(null, f));
                if (first.get() == null) {
                    collection.close();
                    throw new IOException("no font in " + path);
                }
                return new FontFile(first.get(), collection);
            }
            TrueTypeFont single = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
            return new FontFile(single, single);
        }

        @Override
        public void close() throws IOException {
            owner.close();
        }
    }
}
