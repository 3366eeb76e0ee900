/* main.c — entry point: the editor's language for messages (util/i18n.h), libvips (the
 * images, write/images.c), then the command line goes to the CLI layer. */
#include <stdlib.h>
#include <vips/vips.h>
#include <vips/vector.h> /* vips_vector_set_enabled: after vips.h, which it needs */

#include "cli/cli.h"
#include "util/i18n.h"

/* libvips's warnings (a damaged tile, …) go to stderr through GLib's log; sofgen says
 * what is wrong itself, at the place that names the image (model/image.c, write/images.c). */
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data)
{
	(void)domain, (void)level, (void)message, (void)data;
}

int main(int argc, char **argv)
{
	sg_i18n_init();
	/* libvips keeps its own process-wide state (type system, operation cache, thread
	 * pool): started once here, before any thread, and shut down at exit. sofgen reads
	 * only JPEG, PNG and WebP photos (checked by their first bytes) and SVG logos (checked
	 * for scripts first), so every other loader (ImageMagick, PDF, …) is blocked; its
	 * operation cache is off: every image is read once per build. */
	/* VIPS_INIT loads libvips's modules (HEIF, JPEG XL, ImageMagick, OpenSlide, PDF) from
	 * below the prefix VIPSHOME names; sofgen needs none of them (JPEG, PNG, WebP and SVG
	 * are libvips's own), and loading them would cost every run some 30 ms and run code
	 * that valgrind cannot follow (libhwy's CPU probes). So VIPSHOME names a folder
	 * without modules, before any thread starts. */
	setenv("VIPSHOME", "/nonexistent/sofgen-no-vips-modules", 1);
	if (VIPS_INIT(argv[0]) != 0)
		return 2;
	vips_operation_block_set("VipsForeignLoad", TRUE);
	vips_operation_block_set("VipsForeignLoadJpeg", FALSE);
	vips_operation_block_set("VipsForeignLoadPng", FALSE);
	vips_operation_block_set("VipsForeignLoadWebp", FALSE);
	vips_operation_block_set("VipsForeignLoadSvg", FALSE);
	vips_cache_set_max(0);
	/* no code generated at run time (liborc): it writes executable files to a temporary
	 * folder and is code valgrind cannot follow; the few photos of a site need no speed-up */
	vips_vector_set_enabled(FALSE);
	g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG, quiet,
	                  NULL);
	int rc = sg_cli_main(argc, argv);
	vips_shutdown();
	return rc;
}
