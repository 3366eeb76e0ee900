/* pdf.h — test helper: the smallest whole PDF (one empty A4 page), tagged or not, made
 * here with a correct cross-reference table so pdfinfo reads it without complaint. A PDF
 * is tagged when its catalogue says /MarkInfo << /Marked true >> (what pdfinfo prints as
 * "Tagged: yes"). Header-only, like fixture.h. */
#ifndef SG_TEST_PDF_H
#define SG_TEST_PDF_H
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* The PDF's bytes, NUL-terminated text (malloc'd), with a comment line of `pad` bytes after
 * its header (pad 0: none) to make it as large as a test needs. */
static inline char *test_pdf_padded(bool tagged, size_t pad)
{
	const char *objs[] = {tagged ? "<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> >>"
	                             : "<< /Type /Catalog /Pages 2 0 R >>",
	                      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	                      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"};
	size_t offsets[3];
	sg_buf b = SG_BUF_INIT;
	sg_buf_puts(&b, "%PDF-1.4\n");
	if (pad >= 2) {
		sg_buf_putc(&b, '%');
		for (size_t i = 2; i < pad; i++)
			sg_buf_putc(&b, 'x');
		sg_buf_putc(&b, '\n');
	}
	for (int i = 0; i < 3; i++) {
		offsets[i] = b.len;
		sg_buf_printf(&b, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
	}
	size_t xref = b.len;
	sg_buf_puts(&b, "xref\n0 4\n0000000000 65535 f \n");
	for (int i = 0; i < 3; i++)
		sg_buf_printf(&b, "%010zu 00000 n \n", offsets[i]);
	sg_buf_printf(&b, "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
	return sg_buf_detach(&b);
}

/* The smallest such PDF (malloc'd). */
static inline char *test_pdf(bool tagged)
{
	return test_pdf_padded(tagged, 0);
}

/* One of exactly `size` bytes (at least 400), padded (malloc'd). */
static inline char *test_pdf_sized(bool tagged, size_t size)
{
	char *pdf = test_pdf(tagged);
	size_t pad = size - strlen(pdf);
	free(pdf);
	for (;;) { /* the startxref number grows with the padding: try again until it fits */
		pdf = test_pdf_padded(tagged, pad);
		size_t len = strlen(pdf);
		if (len == size)
			return pdf;
		free(pdf);
		pad = pad + size - len;
	}
}

#endif
