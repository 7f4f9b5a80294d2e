/* make bench's baseline for PDF: one A4 page with one line of Japanese
 * set by pango in the font kyodo uses, written by cairo to argv[1] — the
 * fixed cost of starting cairo, pango and fontconfig and embedding a
 * font, which kyodo's PDFs pay too. */
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

int
main(int argc, char **argv)
{
	cairo_surface_t *s;
	cairo_t *cr;
	PangoLayout *l;
	PangoFontDescription *fd;

	if (argc != 2)
		return 2;
	s = cairo_pdf_surface_create(argv[1], 595.276, 841.890);
	cr = cairo_create(s);
	l = pango_cairo_create_layout(cr);
	fd = pango_font_description_from_string("Noto Sans CJK JP,IPAexGothic,sans-serif 11");
	pango_layout_set_font_description(l, fd);
	pango_layout_set_text(l, "真柴市民センター 月報 令和8年10月 1 / 1", -1);
	cairo_move_to(cr, 40, 40);
	pango_cairo_show_layout(cr, l);
	cairo_show_page(cr);
	pango_font_description_free(fd);
	g_object_unref(l);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	int bad = cairo_surface_status(s) != CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(s);
	return bad;
}
