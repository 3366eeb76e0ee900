/* main.c — entry point: the editor's language for messages (util/i18n.h), libvips (the
 * images, write/images.c), then the command line goes to the CLI layer. */
#include <vips/vips.h>

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
	if (VIPS_INIT(argv[0]) != 0)
		return 2;
	vips_operation_block_set("VipsForeignLoad", TRUE);
	vips_operation_block_set("VipsForeignLoadJpeg", FALSE);
	vips_operation_block_set("VipsForeignLoadPng", FALSE);
	vips_operation_block_set("VipsForeignLoadWebp", FALSE);
	vips_operation_block_set("VipsForeignLoadSvg", FALSE);
	vips_cache_set_max(0);
	g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG, quiet,
	                  NULL);
	int rc = sg_cli_main(argc, argv);
	vips_shutdown();
	return rc;
}
