# Touchline auf Deutsch. Begriffe wie im Fachartikel: Customer Journey Map, Touchpoint,
# Phase, Persona, Schmerzpunkt. Anrede: du (wie Figma und Miro auf Deutsch).

## Menus and commands
menu-file = Datei
menu-edit = Bearbeiten
menu-view = Ansicht
command-new = Neu…
command-open = Öffnen…
command-import = Importieren…
command-save = Speichern
command-save-as = Speichern unter…
command-export = Exportieren…
command-copy-image = Bild kopieren
command-quit = Beenden
command-undo = Rückgängig
command-redo = Wiederholen
command-cut = Ausschneiden
command-copy = Kopieren
command-paste = Einfügen
command-duplicate = Duplizieren
command-delete = Löschen
command-select-all = Alles auswählen
command-clear-votes = Stimmen löschen
command-deselect = Auswahl aufheben
command-zoom-in = Vergrößern
command-zoom-out = Verkleinern
command-zoom-reset = Auf 100 % zoomen
command-zoom-fit = Einpassen
command-toggle-view = Journey / Blueprint wechseln
command-toggle-inspector = Inspektor zeigen
command-toggle-theme = Hell / dunkel wechseln
command-present = Präsentieren
command-present-in-window = In einem Fenster präsentieren
command-open-room = Den Raum öffnen
command-select-left = Karte links auswählen
command-select-right = Karte rechts auswählen
command-select-up = Karte darüber auswählen
command-select-down = Karte darunter auswählen
command-move-left = Karte nach links
command-move-right = Karte nach rechts
command-move-up = Karte nach oben
command-move-down = Karte nach unten
command-next-card = Nächste Karte
command-previous-card = Vorige Karte
command-edit-card = Kartentext bearbeiten
command-import-hint = Eine Tabelle (CSV, TSV) oder eine Mermaid-Journey, als neue Map
command-open-room-hint = Präsentieren, mit einem Code, über den die Teilnehmenden vom Handy aus Notizen hinzufügen und abstimmen

## Menu bar, toolbar, status bar
menu-open-recent = Zuletzt geöffnet
menu-no-recent = Keine zuletzt geöffneten Maps
menu-theme = Erscheinungsbild
theme-system = Wie das System
theme-light = Hell
theme-dark = Dunkel
theme-high-contrast = Hoher Kontrast
toolbar-journey = Journey
toolbar-blueprint = Blueprint
toolbar-other-lanes = Weitere Bahnen
toolbar-other-lanes-hint = Die Bahnen, die nicht zum Blueprint gehören, gesammelt darunter zeigen
menu-undo-step = Rückgängig: { $step }
menu-redo-step = Wiederholen: { $step }
status-not-saved = Noch nicht gespeichert
status-stages = { $count ->
    [one] { $count } Phase
   *[other] { $count } Phasen
}
status-lanes = { $count ->
    [one] { $count } Bahn
   *[other] { $count } Bahnen
}
status-cards = { $count ->
    [one] { $count } Karte
   *[other] { $count } Karten
}
status-selected = { $count } ausgewählt
status-hint = Doppelklick bearbeitet · Ziehen verschiebt · Alt+Ziehen verknüpft · Rechts-Ziehen oder Scrollen verschiebt die Ansicht · Strg+Scrollen zoomt
menu-language = Sprache
language-system = Wie das System ({ $name })
error-failed = { $what } ist fehlgeschlagen: { $error }
window-presenting = Präsentation

## Start screen
start-tagline = Customer Journey Maps und Service Blueprints
start-from-template = Mit einer Vorlage beginnen
start-open-map = Eine Map öffnen…
start-recent = Zuletzt geöffnet
start-recovered = Wiederhergestellte Arbeit
start-recovered-text = Diese Maps hatten ungespeicherte Änderungen, als Touchline zuletzt beendet wurde.
start-untitled = Unbenannte Map
start-restore = Wiederherstellen
start-discard = Verwerfen
start-template-language = Sprache:
start-all-languages = Alle
start-new-map = Neue Map
start-from-template-colon = Mit einer Vorlage beginnen:
start-template-access = Neue Map aus der Vorlage { $name }
template-blank = Eine leere Journey: vier Phasen und die üblichen Bahnen, bereit zum Füllen
template-ecommerce = Onlineshop-Journey in fünf Phasen über die Kanäle, die Kundinnen und Kunden nutzen
template-ecommerce-future = Die Onlineshop-Journey, wie das Team sie haben will: die Schmerzpunkte der heutigen Karte gelöst
template-b2b-phone-system = B2B-Kauf einer Telefonanlage in acht Phasen, vom Bedarf bis zur Empfehlung
template-coffee-shop-blueprint = Service Blueprint eines Cafébesuchs, vor und hinter der Theke
template-saas-onboarding = Onboarding in einer SaaS-Testphase, erzählt für zwei Personas mit je einer Gefühlskurve
template-b2b-phone-system-id = Die B2B-Telefonanlagen-Journey in acht Phasen, auf Indonesisch
template-six-steps-id = Eine Journey nach den sechs Schritten ausgefüllt: Profil, Phasen, Touchpoints, Schmerzpunkte, Maßnahmen
template-b2b-phone-system-ar = Die B2B-Telefonanlagen-Journey in acht Phasen, auf Arabisch
template-b2b-phone-system-de = Die B2B-Telefonanlagen-Journey in acht Phasen, auf Deutsch
template-customer-care-th = Kundenservice vom In-App-Chat bis zum Contact Center und Social Listening, auf Thai
language-english = Englisch
language-indonesian = Indonesisch
language-arabic = Arabisch
language-german = Deutsch
language-thai = Thai

## Dialogs
dialog-error-title = Etwas ist schiefgegangen
dialog-import-notes-title = Importiert, mit Hinweisen
dialog-unsaved-text = Deine Änderungen gehen verloren, wenn du sie nicht speicherst.
dialog-save = Speichern
dialog-discard = Verwerfen
dialog-cancel = Abbrechen
dialog-read-only-text = Jemand (vielleicht du) hat diese Datei als schreibgeschützt markiert. Trotzdem speichern ersetzt sie (sie bleibt schreibgeschützt), oder speichere deine Änderungen als andere Datei.
dialog-save-anyway = Trotzdem speichern
dialog-save-as = Speichern unter…
dialog-restore-title = Ungespeicherte Änderungen wiederherstellen?
dialog-restore-text = Diese Map hat Änderungen, die beim letzten Beenden von Touchline nicht gespeichert waren. Stelle sie wieder her (du kannst sie danach rückgängig machen oder verwerfen), oder verwirf sie endgültig.
dialog-restore = Änderungen wiederherstellen
dialog-discard-them = Verwerfen
dialog-ok = OK
dialog-unsaved-title = Änderungen an { $name } speichern?
dialog-read-only-title = { $name } ist schreibgeschützt

## Files
file-filter-map = Touchline-Map
file-open-title = Map öffnen
file-save-title = Map speichern
file-filter-import = Tabelle oder Mermaid-Journey
file-import-title = Importieren
file-filter-picture = Bild
file-picture-title = Ein Bild wählen
file-filter-png = PNG-Bild
file-filter-svg = SVG-Zeichnung
file-filter-pdf = PDF-Dokument
file-filter-slides = Foliensatz
edit-keep-pictures = Bilder bei der Map behalten
file-untitled-journey = Unbenannte Journey

## File changed on disk
edit-reloaded = Von der Festplatte neu geladen
disk-changed-since-open = seit du sie geöffnet hast. Jetzt zu speichern würde diese Änderungen überschreiben.
disk-changed-while-unsaved = während du ungespeicherte Änderungen hast.
disk-keep-mine = Meine behalten
disk-keep-mine-hint = Deine Fassung bleibt; das nächste Speichern überschreibt die Datei
disk-take-theirs = Ihre übernehmen
disk-take-theirs-hint = Die Datei so laden, wie sie jetzt ist (Rückgängig holt deine zurück)
disk-merge = Zusammenführen
disk-merge-hint = Beide nach Element und Feld vereinen, gemessen an der Fassung, die du geöffnet hast
disk-keep-mine-unreadable-hint = Das nächste Speichern überschreibt die Datei
disk-still-here = Deine Map ist noch da.
disk-theirs-in-notes = (ihre stehen in den Notizen der Karten). Speichere, um das Ergebnis zu schreiben.
edit-take-theirs = Die Fassung auf der Festplatte übernehmen
edit-merge-disk = Mit der Datei auf der Festplatte zusammenführen
file-export-title = { $format } exportieren
file-no-folder = { $path }: Der Ordner { $folder } existiert nicht
file-not-saved = { $path } wurde nicht gespeichert: { $error }. Deine Änderungen sind noch da, ungespeichert; speichere sie woanders mit Datei → Speichern unter.
disk-reload-failed = Neu laden ist fehlgeschlagen: { $error }
disk-changed = { $name } wurde auf der Festplatte geändert
disk-unreadable = { $name } wurde auf der Festplatte geändert und lässt sich nicht lesen:
disk-missing = { $name } wurde gelöscht oder verschoben.
disk-merged = { $count ->
    [one] Mit der Datei auf der Festplatte zusammengeführt: bei { $count } Konflikt blieb deine Fassung
   *[other] Mit der Datei auf der Festplatte zusammengeführt: bei { $count } Konflikten blieb deine Fassung
}
disk-take-failed = Übernehmen der Fassung auf der Festplatte ist fehlgeschlagen: { $error }
disk-merge-failed = Zusammenführen ist fehlgeschlagen: { $error }

## Pictures
pictures-outside = Diese Map zeigt Bilder von außerhalb ihres Ordners:
pictures-not-read = Sie werden erst gelesen, wenn du zustimmst.
pictures-show = Anzeigen
pictures-show-hint = Diese Dateien für diese Map lesen, jetzt und künftig
pictures-not-now = Nicht jetzt
edit-add-picture = Bild hinzufügen
pictures-and-more = { " " }und { $count } weitere
pictures-only-png-jpeg = { $path }: Nur PNG- und JPEG-Bilder können auf eine Karte oder Persona
pictures-open-map-first = { $path }: Öffne zuerst eine Map und zieh das Bild dann auf eine Karte
pictures-drop-where = { $path }: Zieh das Bild auf eine Karte oder Persona (oder wähle zuerst eine Karte aus), um es dort abzulegen
drop-open-map = Loslassen, um die Map zu öffnen
drop-only-png-jpeg = Nur PNG- und JPEG-Bilder können auf eine Karte
drop-on-card = Loslassen, um das Bild auf „{ $title }“ zu legen
drop-on-persona = Loslassen, um das Bild { $name } zu geben
drop-where = Zieh das Bild auf eine Karte oder Persona

## Export dialog
export-title = Exportieren
export-format = Format
export-png-about = Ein Bild, für Folien und Chat
export-svg-about = Vektor mit echtem Text: PowerPoint, Keynote, Figma
export-pdf-about = Eine Seite, Vektor, Schriften eingebettet: Berichte und Druck
export-slides-about = Eine Folie pro Phase, bearbeitbar in PowerPoint und Keynote
export-view = Ansicht
export-with-other-lanes = mit weiteren Bahnen
export-size = Größe
export-scale = Maßstab
export-fit-to = Einpassen in
export-theme = Erscheinungsbild
export-type = Schrift
export-large-type = Groß, wie präsentiert
export-votes = Stimmen
export-show-votes = Klebepunkte zeigen
export-background = Hintergrund
export-transparent = Transparent
export-stages = Phasen
export-only = Nur
export-to = bis
export-button = { $format } exportieren…
export-size-image = Bild: { $width } × { $height } Pixel
export-size-page = Seite: { $width } × { $height } Punkt
export-size-paper = Seite: { $width } × { $height } Punkt ({ $paper } quer)
export-size-slides = { $count } Folien, { $ratio }
export-size-drawing = Zeichnung: { $width } × { $height } Pixel
export-too-large = Das Bild wäre { $width } × { $height } Pixel groß, mehr als die Grenze von { $limit }. Wähle einen kleineren Maßstab, pass es in eine Größe ein oder exportiere nur einige Phasen.
export-too-many = Die Map hat { $count } { $what }, mehr als ein Export zeichnet ({ $limit }). Exportiere nur einige Phasen.
export-bad-scale = Maßstab { $scale }× liegt außerhalb von 1× bis 4×.
export-empty-fit = Einpassen braucht eine Breite und eine Höhe über 0.
export-bad-stages = Die Phasen { $first } bis { $last } liegen außerhalb der Phasen 1 bis { $count } der Map.

## Edits
edit-clear-votes = Stimmen löschen
edit-delete-point = Gefühlspunkt löschen
edit-delete-stage = Phase löschen
edit-delete-lane = Bahn löschen
edit-duplicate-card = Karte duplizieren
edit-duplicate-cards = { $count } Karten duplizieren
edit-paste-card = Karte einfügen
edit-paste-cards = { $count } Karten einfügen
document-untitled = Unbenannt

## Canvas edits
edit-resize-stage = Phasenbreite ändern
edit-resize-lane = Bahnhöhe ändern
edit-move-stage = Phase verschieben
edit-move-lane = Bahn verschieben
edit-link-cards = Karten verknüpfen

## Canvas menu
canvas-edit-text = Text bearbeiten
canvas-add-card-here = Karte hier hinzufügen
canvas-menu-hint = Rechtsklick auf eine Karte, eine Zelle oder einen Kopf
canvas-rename = Umbenennen
canvas-add-stage-before = Phase davor einfügen
canvas-add-stage-after = Phase danach einfügen
canvas-new-stage = Neue Phase
edit-add-stage = Phase hinzufügen
canvas-delete-stage = Phase samt Karten löschen
canvas-add-lane-below = Bahn darunter einfügen
edit-add-lane = Bahn hinzufügen
canvas-delete-lane = Bahn samt Karten löschen

## Canvas
edit-add-card = Karte hinzufügen
canvas-add-card = + Karte

## Sentiment on the canvas
edit-add-point = Gefühlspunkt hinzufügen
edit-move-point = Gefühlspunkt verschieben
canvas-point = Gefühlspunkt
canvas-point-hint = Ziehen ändert · auf einer Karte ablegen verankert · Entf entfernt

## Text on the canvas
edit-card-text = Kartentext bearbeiten
edit-rename-stage = Phase umbenennen
edit-rename-lane = Bahn umbenennen
edit-rename-map = Map umbenennen
canvas-card-hint = Enter beendet · Umschalt+Enter neue Zeile · Esc bricht ab
canvas-stage-hint = Name der Phase · Enter beendet
canvas-lane-hint = Titel der Bahn · Enter beendet
canvas-title-hint = Titel der Map · Enter beendet
canvas-type = Schreiben…
canvas-delete-cards = { $count ->
    [one] { $count } Karte löschen
   *[other] { $count } Karten löschen
}
canvas-expand = Aufklappen
canvas-collapse = Zuklappen
edit-expand-lane = Bahn aufklappen
edit-collapse-lane = Bahn zuklappen
edit-move-card = Karte verschieben
edit-move-cards = { $count } Karten verschieben
canvas-point-persona = Persona: { $name }
canvas-point-curve = Kurve: { $name }
canvas-point-card = Bei: { $title }
canvas-point-stage = Phase: { $name }

## Names of the map's kinds of things
lane-actions = Aktionen
lane-touchpoints = Touchpoints
lane-channels = Kanäle
lane-thoughts = Gedanken
lane-questions = Fragen
lane-motivations = Motivationen
lane-obstacles = Hindernisse
lane-emotions = Emotionen
lane-pain-points = Schmerzpunkte
lane-opportunities = Chancen
lane-metrics = Kennzahlen
lane-owners = Verantwortliche
lane-physical-evidence = Physische Belege
lane-customer-actions = Kundenaktionen
lane-frontstage = Frontstage
lane-backstage = Backstage
lane-support-processes = Unterstützende Prozesse
lane-custom = Eigene
channel-social-media = Social Media
channel-website = Website
channel-email = E-Mail
channel-paid-ads = Bezahlte Anzeigen
channel-reviews = Bewertungen Dritter
channel-phone = Telefon
channel-live-chat = Live-Chat
channel-sms = SMS
channel-survey = Umfrage
channel-product-onboarding = Produkt-Onboarding
channel-mobile-app = Mobile App
channel-in-person = Persönlich
flag-moment-of-truth = Moment der Wahrheit
flag-exit-point = Ausstiegspunkt
flag-fail-point = Fehlerpunkt
flag-wait-point = Wartepunkt
rating-low = Niedrig
rating-medium = Mittel
rating-high = Hoch
evidence-observed = Beobachtet
evidence-assumed = Angenommen
evidence-proposed = Vorgeschlagen
state-current = Ist-Zustand
state-future = Soll-Zustand
state-day-in-the-life = Ein Tag im Leben

## Inspector
inspector-cards-selected-hint = Zieh sie gemeinsam, oder drück Entf, um sie zu entfernen.
inspector-words = Wörter auf der Map
inspector-rtl = Von rechts nach links lesen (Phase 1 rechts)
inspector-words-hint = Die Stufen der Skala, die Linien des Blueprints und der Zustand der Journey, in der Sprache der Map.
inspector-colour = Farbe
inspector-own-colour = Eigene Farbe
inspector-card = Karte
inspector-title = Titel
inspector-remove-name = Namen entfernen
inspector-remove-name-hint = Die Notiz behalten, ohne wer sie geschrieben hat
inspector-notes = Notizen
inspector-channel = Kanal
inspector-none = Keiner
inspector-other = Anderer
inspector-other-channel = Anderer…
inspector-channel-name = Name des Kanals
inspector-metrics = Kennzahlen
inspector-flags = Markierungen
inspector-evidence = Beleg
inspector-unknown = Unbekannt
inspector-priority = Priorität
inspector-effort = Aufwand
inspector-not-set = Nicht gesetzt
inspector-owner = Verantwortlich
inspector-dot-votes = Klebepunkte
inspector-dots = Punkte
inspector-clear = Löschen
inspector-clear-hint = Alle Punkte von dieser Karte nehmen
edit-card = Karte bearbeiten
inspector-links = Verknüpfungen
edit-remove-link = Verknüpfung entfernen
inspector-link-label = Beschriftung der Verknüpfung
edit-link-label = Beschriftung der Verknüpfung ändern
inspector-link-to = Verknüpfen mit…
edit-add-link = Verknüpfung hinzufügen
inspector-stage = Phase
inspector-name = Name
inspector-goal = Ziel der Kundschaft
inspector-width = Breite
edit-stage = Phase bearbeiten
inspector-lane = Bahn
inspector-kind = Art
inspector-height = Höhe
inspector-collapsed = Zugeklappt
inspector-show-notes = Notizen auf den Karten zeigen
inspector-show-notes-hint = Jede Karte zeigt die ersten Zeilen ihrer Notizen unter dem Titel
edit-lane = Bahn bearbeiten
inspector-map = Map
inspector-scenario = Szenario und Ziel
inspector-author = Autor/in
inspector-journey = Journey
inspector-scale = Gefühlsskala
edit-scale = Gefühlsskala ändern
inspector-from = Von
inspector-no-point = Phasen ohne Punkt
inspector-bridge = Kurve überbrücken
inspector-break = Unterbrechen
edit-map = Map bearbeiten
inspector-add = Hinzufügen
inspector-add-stage = + Phase
inspector-add-lane = + Bahn
inspector-nothing-selected = Wähle eine Karte, eine Phase oder einen Bahnkopf aus, um sie hier zu bearbeiten.
inspector-cards-selected = { $count ->
    [one] { $count } Karte ausgewählt
   *[other] { $count } Karten ausgewählt
}
inspector-added-by = Im Raum hinzugefügt von { $name }

## Inspector: sentiment and personas
inspector-value = Wert
inspector-label = Beschriftung
inspector-emoji = Emoji
inspector-anchored = Verankert bei
edit-point = Gefühlspunkt bearbeiten
inspector-delete-point = Punkt löschen
inspector-personas = Personas
inspector-description = Beschreibung
inspector-goals = Ziele (eines pro Zeile)
inspector-needs = Bedürfnisse (eines pro Zeile)
edit-persona = Persona bearbeiten
inspector-delete-persona = Persona samt Kurven löschen
edit-delete-persona = Persona löschen
inspector-add-persona = + Persona
edit-add-persona = Persona hinzufügen
inspector-curves = Kurven
inspector-curves-hint = Ein Doppelklick in die Bahn Emotionen setzt einen Punkt auf die aktive Kurve.
inspector-add-curve = + Kurve (zum Beispiel Soll-Zustand)
inspector-curve-customer = Kundschaft
edit-add-curve = Kurve hinzufügen
inspector-visible = Sichtbar
inspector-visible-hint = Diese Kurve auf der Map zeigen oder verbergen
edit-show-curve = Kurve zeigen oder verbergen
inspector-active = Aktiv
inspector-active-hint = Neue Punkte kommen hierher: klick in die Bahn Emotionen, um einen zu setzen
inspector-delete-curve-hint = Diese Kurve und ihre Punkte löschen (Rückgängig holt sie zurück)
edit-delete-curve = Kurve löschen

## Inspector: pictures
inspector-picture = Bild
inspector-picture-drop = Oder zieh eine PNG- oder JPEG-Datei auf die Karte.
inspector-replace-picture = Bild ersetzen…
inspector-choose-picture = Bild wählen…
inspector-picture-hint = Eine PNG- oder JPEG-Datei; am besten neben der Map abgelegt
inspector-remove-picture = Bild entfernen
inspector-remove-picture-hint = Nimmt das Bild weg; die Datei bleibt
inspector-on-curve = Auf der Kurve { $name }
inspector-anchor-card = Karte: { $title }
inspector-new-persona = Persona { $number }
inspector-curve-visible = { $name }: sichtbar
inspector-curve-active = { $name }: aktiv
inspector-delete-curve = Kurve { $name } löschen

## Presentation: notes
present-type-note = Notiz schreiben…
edit-add-note = Notiz hinzufügen

## Presentation
present-hints = Rechts, Leertaste: weiter · Links: zurück · O: Überblick · 1–9: Phase · N: Notiz · V: Abstimmung · R: Ergebnis · T: Timer · J: Raum · C: Kontrast · Esc: beenden
present-vote-phones-hint = Deine Punkte siehst nur du, bis R das Ergebnis zeigt · ein Klick hier setzt auch einen Punkt · V: beenden
present-vote-hint = Klick auf eine Karte: Punkt setzen · Umschalt+Klick: zurücknehmen · Enter: nächste Person · R: Ergebnis · V: beenden
present-no-dots = Noch keine Punkte. V startet eine Abstimmung.
present-dot-vote = Abstimmung mit Klebepunkten
present-vote-question = Worüber stimmt der Raum ab?
present-dots-per-person = Punkte pro Person
present-start-vote = Abstimmung starten (Enter)
present-vote-keys = Esc bricht ab · Hoch/Runter: Punkte
present-timer = Timer
present-minutes = Minuten
present-start-timer = Timer starten (Enter)
present-timer-keys = Esc bricht ab · Hoch/Runter: Minuten

## Presentation: the room
edit-room-dots = Punkte aus dem Raum
room-join = Dem Raum beitreten
room-scan = Mit der Kamera des Handys scannen
room-or-open = Oder öffne
room-type-code = und gib den Code ein
room-loopback = Nur auf diesem Computer erreichbar: Handys kommen nicht hin.
room-pause = Notizen pausieren
room-anonymous = Namen auf neuen Notizen verbergen
room-latest = Neueste Notizen
room-remove-note-hint = Diese Notiz entfernen (Strg+Z holt sie zurück)
room-remove-note = Eine Notiz aus dem Raum entfernen
room-hide-card = Karte verbergen (J)
room-close = Den Raum schließen
vote-all-cards = Alle Karten
vote-on-pain-points = Schmerzpunkte
vote-on-opportunities = Chancen
vote-on-all-cards = alle Karten
vote-no-dots-left = Person { $voter } hat alle Punkte gesetzt · Enter: nächste Person
vote-not-voted-on = Abgestimmt wird über { $subject }
vote-no-dot-here = Person { $voter } hat keinen Punkt auf dieser Karte
present-vote-phones = Abstimmung über { $subject } · je { $dots } Punkte, auf euren Handys
present-times-up = Die Zeit ist um
present-results = { $count ->
    [one] Ergebnis · { $count } Punkt
   *[other] Ergebnis · { $count } Punkte
}
present-dots = { $count ->
    [one] { $count } Punkt
   *[other] { $count } Punkte
}
present-note-hint = Enter fügt sie hinzu und öffnet die nächste · Umschalt+Enter neue Zeile · Esc hört auf · { $count } hinzugefügt
present-overview-line = { $count ->
    [one] Überblick · { $count } Phase
   *[other] Überblick · { $count } Phasen
}
present-stage-line = Phase { $number } von { $count } · { $name }
edit-take-dot = Einen Punkt zurücknehmen
edit-add-dot = Einen Punkt setzen
present-room-failed = Der Raum ließ sich nicht öffnen: { $error }
present-room-closed = Der Raum ist geschlossen
present-no-note-lane = Diese Map hat keine Bahn für Notizen
present-vote-ended = Abstimmung beendet · R zeigt das Ergebnis
present-voter-turn = Person { $voter }: du bist dran
room-someone = jemand
edit-room-note = Notiz von { $name }
room-line = Raum { $code } · { $people }
room-notes = { $count ->
    [one] { $count } Notiz
   *[other] { $count } Notizen
}
room-remove-person = { $name } aus dem Raum nehmen
room-nobody = Noch niemand im Raum
room-people = { $count ->
    [one] { $count } Person im Raum
   *[other] { $count } Personen im Raum
}
room-qr = QR-Code für { $url }
present-vote-voter = Abstimmung über { $subject } · Person { $voter } · noch { $left } von { $dots } Punkten
metric-reported-by = Gemeldet von
metric-drop-off = Abbruch
export-unit-points = pt
export-unit-pixels = px

## The room's page on participants' phones (variables are filled in by the page)
room-page-title = Touchline · der Raum
room-page-connecting = Verbinden…
room-page-join-title = Am Workshop teilnehmen
room-page-your-name = Dein Name
room-page-join = Beitreten
room-page-privacy = Dein Name steht auf den Notizen, die du hinzufügst. Nichts geht irgendwohin außer an den Computer der Moderation.
room-page-paused = Die Moderation hat Notizen pausiert.
room-page-private-dots = Deine Punkte siehst nur du, bis die Moderation das Ergebnis zeigt.
room-page-results = Ergebnis
room-page-add-title = Eine Haftnotiz hinzufügen
room-page-your-note = Deine Notiz
room-page-lane = Bahn
room-page-stage = Phase
room-page-add-note = Notiz hinzufügen
room-page-on-map = Auf der Map an dieser Stelle
room-page-in-room-as = Im Raum als
room-page-leave = Verlassen
room-page-closed-title = Der Raum ist geschlossen
room-page-closed-text = Danke fürs Mitmachen. Die Moderation hat deine Notizen und Punkte.
room-page-left-title = Du hast den Raum verlassen
room-page-removed-text = Die Moderation hat dich aus dem Raum genommen, oder du bist gegangen.
room-page-ended-text = Die Verbindung zum Computer der Moderation ist abgebrochen.
room-page-come-back = Scanne den Code noch einmal, um zurückzukommen.
room-page-lost = Verbindung verloren · neuer Versuch…
room-page-name-first = Gib zuerst deinen Namen ein.
room-page-write-first = Schreib zuerst etwas.
room-page-added = Zur Map hinzugefügt ✓
room-page-whole-journey = Die ganze Journey
room-page-nothing-here = Hier ist noch nichts.
room-page-one-dot = 1 Punkt
room-page-dots = { $count } Punkte
room-page-vote-title = Abstimmung · { $on }
room-page-vote-on-pain-points = Schmerzpunkte
room-page-vote-on-opportunities = Chancen
room-page-vote-on-all-cards = Alle Karten
room-page-dots-left = Übrige Punkte: { $left } von { $budget }
room-page-take-back = Einen Punkt von { $title } zurücknehmen
room-page-put-dot = Einen Punkt auf { $title } setzen
room-page-no-answer = Der Raum hat nicht geantwortet ({ $status })
room-page-code-title = Touchline · einem Raum beitreten
room-page-code-heading = Einem Workshop beitreten
room-page-code-label = Raumcode (auf dem geteilten Bildschirm)
room-page-code-join = Beitreten

## A folder of maps: the workspace, search, roll-up and linked maps
command-open-folder = Ordner öffnen…
command-open-folder-hint = Einen Ordner mit Karten als Arbeitsbereich öffnen: alle Karten darin und in seinen Unterordnern, Suche über alle und ihre Schmerzpunkte und Chancen in einer Tabelle
command-close-tab = Tab schließen
command-search-maps = Alle Karten durchsuchen
command-rollup = Schmerzpunkte und Chancen
command-follow-link = Verknüpfte Karte öffnen
command-go-back = Zurück
file-open-folder-title = Einen Ordner mit Karten öffnen
workspace-not-a-folder = { $path } ist kein Ordner
workspace-rollup = Übersicht
workspace-rollup-hint = Alle Schmerzpunkte und Chancen aller Karten in einer Tabelle
workspace-maps = { $count ->
    [one] { $count } Karte
   *[other] { $count } Karten
}
workspace-broken = { $count } nicht lesbar
workspace-other-files = { $count ->
    [one] { $count } andere Datei
   *[other] { $count } andere Dateien
}
workspace-search-hint = Alle Karten durchsuchen (Strg+Umschalt+F)
workspace-counts = { $stages } Phasen, { $cards } Karten
workspace-committed = { $date }, { $author }
workspace-saved = Gespeichert { $date }
workspace-unreadable = Lässt sich nicht öffnen: Zeiger darauf zeigt den Grund
workspace-no-matches = Keine Karte, Phase oder Persona passt
workspace-matches = { $count } Treffer in { $maps } Karten
workspace-matches-cut = Die ersten { $count } Treffer: weiter tippen grenzt sie ein
workspace-hit-map = Karte
workspace-hit-stage = Phase
workspace-hit-card = Karte
workspace-hit-persona = Persona
workspace-untitled = (ohne Titel)
workspace-choose = Links eine Karte aus { $folder } wählen
rollup-title = Schmerzpunkte und Chancen
rollup-all-kinds = Schmerzpunkte und Chancen
rollup-pain-points = Nur Schmerzpunkte
rollup-opportunities = Nur Chancen
rollup-all-states = Jeder Zustand
rollup-all-personas = Jede Persona
rollup-count = { $count } Karten
rollup-kind = Art
rollup-pain-point = Schmerzpunkt
rollup-opportunity = Chance
rollup-votes = Stimmen
rollup-reported = Gemeldet von
rollup-drop-off = Absprung
rollup-owner = Verantwortlich
rollup-map = Karte
rollup-stage = Phase
rollup-card = Karte
link-mark-hint = Öffnet „{ $title }“ ({ $file }): klicken, um hinzugehen, Strg+[ führt zurück
link-mark-missing = Öffnet { $file }, die fehlt
link-unsaved = Diese Karte zuerst speichern: Die Karten, die sie öffnet, werden von ihrem Ordner aus gefunden
link-missing = { $file } existiert nicht; die Verknüpfung im Inspektor prüfen oder die Karte wiederherstellen
command-compare = Mit dem anderen Zustand vergleichen
command-compare-hint = Die Karte und ihr Gegenstück übereinander: Phasen ausgerichtet, beide Stimmungskurven in einer Bahn, die Änderungen der Zukunft markiert
compare-tab = { $one } und { $other }
inspector-opens = Öffnet Karte
inspector-counterpart = Anderer Zustand (Gegenstück)
inspector-link-hint = detail/onboarding.ron
inspector-link-about = Eine Kartendatei, vom Ordner dieser Karte aus gesucht. Die Karte oder Phase zeigt eine Marke, die sie öffnet; den anderen Zustand vergleicht Ansicht → Mit dem anderen Zustand vergleichen.
workspace-rescan = Den Ordner neu lesen (auf der Festplatte hinzugefügte oder geänderte Karten)
inspector-link-choose = Auswählen…
inspector-link-remove = Verknüpfung entfernen
edit-link-map = Karte verknüpfen
