/* pdfinfo.h — is a PDF tagged (the structure screen readers read, which the accessibility
 * law asks of documents on a public site)? Asked of poppler-utils' `pdfinfo`, run as a child
 * process without a shell. Nothing is printed: the caller turns the answer into diagnostics. */
#ifndef SG_PDFINFO_H
#define SG_PDFINFO_H

typedef enum {
	SG_PDF_TAGGED,     /* pdfinfo says "Tagged: yes" */
	SG_PDF_UNTAGGED,   /* pdfinfo says "Tagged: no" */
	SG_PDF_ENCRYPTED,  /* it needs a password to be opened: not ours to check */
	SG_PDF_BROKEN,     /* pdfinfo cannot read it (damaged, or not a PDF) */
	SG_PDF_TIMEOUT,    /* pdfinfo did not finish in time; it was killed */
	SG_PDF_NO_PDFINFO, /* pdfinfo is not installed, or could not be started */
} sg_pdf_tagging;

/* The pdfinfo to run: $SOFGEN_PDFINFO when set (NULL if it is not executable), else the
 * first `pdfinfo` on $PATH; malloc'd (the caller frees it), or NULL when there is none. */
char *sg_pdfinfo_find(void);

/* Runs `pdfinfo FILE` (pdfinfo: what sg_pdfinfo_find gave, or NULL, which gives
 * SG_PDF_NO_PDFINFO) and reads whether FILE is tagged. FILE is passed as one argument (a
 * relative path that starts with '-' gets "./" first, so it is never read as an option).
 * pdfinfo gets at most timeout_ms milliseconds; then it and its children are killed.
 * Safe to call from several threads. */
sg_pdf_tagging sg_pdfinfo_tagging(const char *pdfinfo, const char *file, int timeout_ms);

/* The answers of earlier runs, for `sofgen serve`, which builds the model again on every
 * change: a file whose device, inode, size, modification and change times are the same is
 * not given to pdfinfo again. Opaque; made and freed by its owner (the serve session). */
typedef struct sg_pdf_cache sg_pdf_cache;
sg_pdf_cache *sg_pdf_cache_new(void);
void sg_pdf_cache_free(sg_pdf_cache *c);
/* sg_pdfinfo_tagging through the cache c (NULL: none). A missing pdfinfo is not kept (it
 * may be installed while serve runs); every other answer is. Safe from several threads. */
sg_pdf_tagging sg_pdf_cache_tagging(sg_pdf_cache *c, const char *pdfinfo, const char *file, int timeout_ms);

#endif
