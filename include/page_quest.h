/*
 * page_quest.h: questionnaires on tablets and by personal link, and the
 * staff's side.
 *   - page_kiosk.c: the way in. A tablet shows the lock screen
 *     /surfplatta; a one-time code (typed there, or started by the staff
 *     on the tablet, which logs them out) binds the tablet to one response
 *     through a random cookie (include/kiosk.h). A personal link does the
 *     same from its own page.
 *   - page_quest.c: answering. The language, one question per screen,
 *     saved at every step, and the send page. Idle for QUEST_IDLE_SECONDS
 *     the tablet is let go: the screen goes back to the lock (static JS,
 *     or a meta refresh without JS) and the server refuses the old
 *     cookie; the answers stay and the same code resumes. Sending deletes
 *     the code, so the cookie, the back button and a second send all
 *     reach only the lock screen. Every page is Cache-Control: no-store.
 *   - page_quest_staff.c: opening a questionnaire for a participation,
 *     the admin page that loads definitions and makes personal links.
 * The rules are in quest_state.h and quest_response.h; the records in
 * quest.h, quest_code.h and quest_response.h.
 */
#ifndef PAGE_QUEST_H
#define PAGE_QUEST_H

#include "app.h"

struct quest_panel;

struct req;
struct view_ctx;

/* page_kiosk.c: the respondent's way in (public routes, no staff login). */
enum app_err page_kiosk_lock(struct req *);       /* GET /surfplatta */
enum app_err page_kiosk_code(struct req *);       /* POST /surfplatta */
enum app_err page_kiosk_link(struct req *);       /* GET /enkat/lank/:token */
enum app_err page_kiosk_link_start(struct req *); /* POST /enkat/lank/:token */

/* page_quest.c: answering (public routes, no staff login). */
enum app_err page_kiosk_lang(struct req *);      /* GET /enkat/sprak */
enum app_err page_kiosk_lang_set(struct req *);  /* POST /enkat/sprak */
enum app_err page_kiosk_item(struct req *);      /* GET /enkat/fraga/:n */
enum app_err page_kiosk_item_save(struct req *); /* POST /enkat/fraga/:n */
enum app_err page_kiosk_send_form(struct req *); /* GET /enkat/skicka */
enum app_err page_kiosk_send(struct req *);      /* POST /enkat/skicka */
enum app_err page_kiosk_thanks(struct req *);    /* GET /enkat/tack */

/* page_quest_staff.c */
/* POST /deltagande/:id/enkat: a code for this participation */
enum app_err page_participation_quest(struct req *);
/* POST /deltagande/:id/enkat/slapp: let go of a tablet's hold on an open
 * code (kod), for insats staff, audited. */
enum app_err page_participation_quest_release(struct req *);
/* GET /admin/enkater, POST /admin/enkater (load a definition) */
enum app_err page_admin_quests(struct req *);
enum app_err page_admin_quest_import(struct req *);
/* POST /admin/enkater/:id/lankar: personal links, shown once */
enum app_err page_admin_quest_links(struct req *);

/* For the participation page: bind "enkater" (the questionnaires that can
 * be opened for it, with the linked measurements' state, from its panel:
 * participation_page_load() reads it) into ctx. */
enum app_err quest_bind_participation(
    struct view_ctx *, const struct quest_panel *);

#endif /* !PAGE_QUEST_H */
