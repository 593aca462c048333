/* cursor.c: cursor and scroll position of list-like panes (see cursor.h). */
#include "config.h"

#include "cursor.h"

/* See cursor.h. */
void cursor_settle(cursor *c, int64_t count, int rows)
{
	if (rows < 1)
		rows = 1;
	if (c->cur >= count)
		c->cur = count - 1;
	if (c->cur < 0)
		c->cur = 0;
	if (c->cur < c->top)
		c->top = c->cur;
	if (c->cur >= c->top + rows)
		c->top = c->cur - rows + 1;
	if (c->top > count - rows)
		c->top = count - rows;
	if (c->top < 0)
		c->top = 0;
}

/* See cursor.h. */
int cursor_move(cursor *c, action act, int64_t count, int rows)
{
	/* a page is a screen less one row, so that one row stays in view */
	int page = rows > 1 ? rows - 1 : 1;
	switch (act) {
	case ACT_DOWN:
		c->cur++;
		break;
	case ACT_UP:
		c->cur--;
		break;
	case ACT_PAGE_DOWN:
		c->cur += page;
		c->top += page;
		break;
	case ACT_PAGE_UP:
		c->cur -= page;
		c->top -= page;
		break;
	case ACT_TOP:
		c->cur = c->top = 0;
		break;
	case ACT_BOTTOM:
		c->cur = count - 1;
		break;
	default:
		return 0;
	}
	cursor_settle(c, count, rows);
	return 1;
}
