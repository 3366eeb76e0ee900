/* pdf.h — test helper: the smallest whole PDF (one empty A4 page), tagged or not, made
 * here with a correct cross-reference table so pdfinfo reads it without complaint. A PDF
 * is tagged when its catalogue says /MarkInfo << /Marked true >> (what pdfinfo prints as
 * "Tagged: yes"). Header-only, like fixture.h. */
#ifndef SG_TEST_PDF_H
#define SG_TEST_PDF_H
#include <stdbool.h>

#include "util/buf.h"

/* The PDF's bytes, NUL-terminated text (malloc'd). */
static inline char *test_pdf(bool tagged)
{
	const char *objs[] = {tagged ? "<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> >>"
	                             : "<< /Type /Catalog /Pages 2 0 R >>",
	                      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	                      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"};
	size_t offsets[3];
	sg_buf b = SG_BUF_INIT;
	sg_buf_puts(&b, "%PDF-1.4\n");
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

#endif
