# Touchline's interface in English: the source the other languages are translated from.
# Every message here must exist in id.ftl, ar.ftl, th.ftl and de.ftl with the same variables
# (a test checks). Terms follow the seed articles: journey map, touchpoint, pain point, persona.

## Menus and commands
menu-file = File
menu-edit = Edit
menu-view = View
command-new = New…
command-open = Open…
command-import = Import…
command-save = Save
command-save-as = Save As…
command-export = Export…
command-copy-image = Copy image
command-quit = Quit
command-undo = Undo
command-redo = Redo
command-cut = Cut
command-copy = Copy
command-paste = Paste
command-duplicate = Duplicate
command-delete = Delete
command-select-all = Select all
command-clear-votes = Clear votes
command-deselect = Deselect
command-zoom-in = Zoom in
command-zoom-out = Zoom out
command-zoom-reset = Zoom to 100 %
command-zoom-fit = Zoom to fit
command-toggle-view = Switch journey / blueprint
command-toggle-inspector = Show inspector
command-toggle-theme = Switch light / dark theme
command-present = Present
command-present-in-window = Present in a window
command-open-room = Open the room
command-select-left = Select the card to the left
command-select-right = Select the card to the right
command-select-up = Select the card above
command-select-down = Select the card below
command-move-left = Move card left
command-move-right = Move card right
command-move-up = Move card up
command-move-down = Move card down
command-next-card = Next card
command-previous-card = Previous card
command-edit-card = Edit card text
command-import-hint = A spreadsheet (CSV, TSV) or a Mermaid journey, as a new map
command-open-room-hint = Present, with a join code so participants add notes and vote from their phones

## Menu bar, toolbar, status bar
menu-open-recent = Open recent
menu-no-recent = No recent maps
menu-theme = Theme
theme-system = Follow system
theme-light = Light
theme-dark = Dark
theme-high-contrast = High contrast
toolbar-journey = Journey
toolbar-blueprint = Blueprint
toolbar-other-lanes = Other lanes
toolbar-other-lanes-hint = Show the lanes that are not part of a blueprint, grouped below it
menu-undo-step = Undo { $step }
menu-redo-step = Redo { $step }
status-not-saved = Not saved yet
status-stages = { $count ->
    [one] { $count } stage
   *[other] { $count } stages
}
status-lanes = { $count ->
    [one] { $count } lane
   *[other] { $count } lanes
}
status-cards = { $count ->
    [one] { $count } card
   *[other] { $count } cards
}
status-selected = { $count } selected
status-hint = Double-click to edit · drag to move · Alt+drag to link · right-drag or scroll to pan · Ctrl+scroll to zoom
menu-language = Language
language-system = Follow system ({ $name })
error-failed = { $what } failed: { $error }
window-presenting = Presenting

## Start screen
start-tagline = Customer journey maps and service blueprints
start-from-template = Start from a template
start-open-map = Open a map…
start-recent = Recent maps
start-recovered = Recovered work
start-recovered-text = These maps had unsaved changes when Touchline last stopped.
start-untitled = Untitled map
start-restore = Restore
start-discard = Discard
start-template-language = Language:
start-all-languages = All
start-new-map = New map
start-from-template-colon = Start from a template:
start-template-access = New map from template { $name }
template-blank = An empty journey: four stages and the everyday lanes, ready to fill
template-ecommerce = Five-stage online shop journey across the channels customers use
template-ecommerce-future = The online shop journey as the team wants it: the current map's pain points answered
template-b2b-phone-system = Eight-stage B2B purchase of a business phone system, from need to advocacy
template-coffee-shop-blueprint = Service blueprint of a coffee shop visit, front and back of house
template-saas-onboarding = SaaS trial onboarding told for two personas, each with a sentiment curve
template-b2b-phone-system-id = The eight-stage B2B phone-system journey, written in Indonesian
template-six-steps-id = A journey filled in along the six steps: profile, stages, touchpoints, pain points, actions
template-b2b-phone-system-ar = The eight-stage B2B phone-system journey, written in Arabic
template-b2b-phone-system-de = The eight-stage B2B phone-system journey, written in German
template-customer-care-th = Customer care from in-app chat to the contact centre and social listening, in Thai
language-english = English
language-indonesian = Indonesian
language-arabic = Arabic
language-german = German
language-thai = Thai

## Dialogs
dialog-error-title = Something went wrong
dialog-import-notes-title = Imported, with notes
dialog-unsaved-text = Your changes will be lost if you don't save them.
dialog-save = Save
dialog-discard = Discard
dialog-cancel = Cancel
dialog-read-only-text = Someone (perhaps you) marked this file as not to be changed. Save anyway to replace it (it stays read-only), or save your changes as another file.
dialog-save-anyway = Save anyway
dialog-save-as = Save As…
dialog-restore-title = Restore unsaved changes?
dialog-restore-text = This map has changes that were not saved when Touchline last stopped. Restore them (you can still undo or discard them), or discard them for good.
dialog-restore = Restore changes
dialog-discard-them = Discard them
dialog-ok = OK
dialog-unsaved-title = Save changes to { $name }?
dialog-read-only-title = { $name } is read-only

## Files
file-filter-map = Touchline map
file-open-title = Open map
file-save-title = Save map
file-filter-import = Spreadsheet or Mermaid journey
file-import-title = Import
file-filter-picture = Picture
file-picture-title = Choose a picture
file-filter-png = PNG image
file-filter-svg = SVG drawing
file-filter-pdf = PDF document
file-filter-slides = Slide deck
edit-keep-pictures = Keep the pictures with the map
file-untitled-journey = Untitled journey

## File changed on disk
edit-reloaded = Reloaded from disk
disk-changed-since-open = since you opened it. Saving now would overwrite those changes.
disk-changed-while-unsaved = while you have unsaved changes.
disk-keep-mine = Keep mine
disk-keep-mine-hint = Your version stays; the next save overwrites the file
disk-take-theirs = Take theirs
disk-take-theirs-hint = Load the file as it is now (undo brings yours back)
disk-merge = Merge
disk-merge-hint = Combine both by item and field, against the version you opened
disk-keep-mine-unreadable-hint = The next save overwrites the file
disk-still-here = Your map is still here.
disk-theirs-in-notes = (theirs are in the cards' notes). Save to write the result.
edit-take-theirs = Take the version on disk
edit-merge-disk = Merge with the file on disk
file-export-title = Export { $format }
file-no-folder = { $path }: folder { $folder } does not exist
file-not-saved = { $path } was not saved: { $error }. Your changes are still here, unsaved; save them somewhere else with File → Save As.
disk-reload-failed = Reloading failed: { $error }
disk-changed = { $name } changed on disk
disk-unreadable = { $name } changed on disk and cannot be read:
disk-missing = { $name } was deleted or moved.
disk-merged = { $count ->
    [one] Merged with the file on disk: { $count } conflict kept yours
   *[other] Merged with the file on disk: { $count } conflicts kept yours
}
disk-take-failed = Taking the version on disk failed: { $error }
disk-merge-failed = Merging failed: { $error }

## Pictures
pictures-outside = This map shows pictures from outside its folder:
pictures-not-read = They are not read until you agree.
pictures-show = Show them
pictures-show-hint = Read these files for this map, now and next time
pictures-not-now = Not now
edit-add-picture = Add picture
pictures-and-more = { " " }and { $count } more
pictures-only-png-jpeg = { $path }: only PNG and JPEG pictures can go on a card or persona
pictures-open-map-first = { $path }: open a map first, then drop the picture on a card
pictures-drop-where = { $path }: drop the picture on a card or a persona (or select one card first) to put it there
drop-open-map = Drop to open the map
drop-only-png-jpeg = Only PNG and JPEG pictures can go on a card
drop-on-card = Drop to put the picture on “{ $title }”
drop-on-persona = Drop to make the picture { $name }’s
drop-where = Drop the picture on a card or a persona

## Export dialog
export-title = Export
export-format = Format
export-png-about = An image, for slides and chat
export-svg-about = Vector with real text: PowerPoint, Keynote, Figma
export-pdf-about = One page, vector, fonts embedded: reports and print
export-slides-about = A slide per stage, editable in PowerPoint and Keynote
export-view = View
export-with-other-lanes = with other lanes
export-size = Size
export-scale = Scale
export-fit-to = Fit to
export-theme = Theme
export-type = Type
export-large-type = Large, as presented
export-votes = Votes
export-show-votes = Show dot votes
export-background = Background
export-transparent = Transparent
export-stages = Stages
export-only = Only
export-to = to
export-button = Export { $format }…
export-size-image = Image: { $width } × { $height } pixels
export-size-page = Page: { $width } × { $height } points
export-size-paper = Page: { $width } × { $height } points ({ $paper } landscape)
export-size-slides = { $count } slides, { $ratio }
export-size-drawing = Drawing: { $width } × { $height } pixels
export-too-large = The image would be { $width } × { $height } pixels, more than the limit of { $limit }. Choose a smaller Scale, Fit to a size, or export Only some stages.
export-too-many = The map has { $count } { $what }, more than an export draws ({ $limit }). Export Only some stages.
export-bad-scale = Scale { $scale }× is outside 1× to 4×.
export-empty-fit = Fit to needs a width and a height above 0.
export-bad-stages = Stages { $first } to { $last } are outside the map's stages 1 to { $count }.

## Edits
edit-clear-votes = Clear votes
edit-delete-point = Delete sentiment point
edit-delete-stage = Delete stage
edit-delete-lane = Delete lane
edit-duplicate-card = Duplicate card
edit-duplicate-cards = Duplicate { $count } cards
edit-paste-card = Paste card
edit-paste-cards = Paste { $count } cards
document-untitled = Untitled

## Canvas edits
edit-resize-stage = Resize stage
edit-resize-lane = Resize lane
edit-move-stage = Move stage
edit-move-lane = Move lane
edit-link-cards = Link cards

## Canvas menu
canvas-edit-text = Edit text
canvas-add-card-here = Add card here
canvas-menu-hint = Right-click a card, a cell or a header
canvas-rename = Rename
canvas-add-stage-before = Add stage before
canvas-add-stage-after = Add stage after
canvas-new-stage = New stage
edit-add-stage = Add stage
canvas-delete-stage = Delete stage and its cards
canvas-add-lane-below = Add lane below
edit-add-lane = Add lane
canvas-delete-lane = Delete lane and its cards

## Canvas
edit-add-card = Add card
canvas-add-card = + Add card

## Sentiment on the canvas
edit-add-point = Add sentiment point
edit-move-point = Move sentiment point
canvas-point = Sentiment point
canvas-point-hint = Drag to change · drop on a card to anchor · Delete removes

## Text on the canvas
edit-card-text = Edit card text
edit-rename-stage = Rename stage
edit-rename-lane = Rename lane
edit-rename-map = Rename map
canvas-card-hint = Enter to finish · Shift+Enter for a new line · Esc to cancel
canvas-stage-hint = Stage name · Enter to finish
canvas-lane-hint = Lane title · Enter to finish
canvas-title-hint = Map title · Enter to finish
canvas-type = Type…
canvas-delete-cards = { $count ->
    [one] Delete { $count } card
   *[other] Delete { $count } cards
}
canvas-expand = Expand
canvas-collapse = Collapse
edit-expand-lane = Expand lane
edit-collapse-lane = Collapse lane
edit-move-card = Move card
edit-move-cards = Move { $count } cards
canvas-point-persona = Persona: { $name }
canvas-point-curve = Curve: { $name }
canvas-point-card = At: { $title }
canvas-point-stage = Stage: { $name }

## Names of the map's kinds of things
lane-actions = Actions
lane-touchpoints = Touchpoints
lane-channels = Channels
lane-thoughts = Thoughts
lane-questions = Questions
lane-motivations = Motivations
lane-obstacles = Obstacles
lane-emotions = Emotions
lane-pain-points = Pain points
lane-opportunities = Opportunities
lane-metrics = Metrics
lane-owners = Owners
lane-physical-evidence = Physical evidence
lane-customer-actions = Customer actions
lane-frontstage = Frontstage
lane-backstage = Backstage
lane-support-processes = Support processes
lane-custom = Custom
channel-social-media = Social media
channel-website = Website
channel-email = Email
channel-paid-ads = Paid ads
channel-reviews = Third-party reviews
channel-phone = Phone
channel-live-chat = Live chat
channel-sms = SMS
channel-survey = Survey
channel-product-onboarding = Product onboarding
channel-mobile-app = Mobile app
channel-in-person = In person
flag-moment-of-truth = Moment of truth
flag-exit-point = Exit point
flag-fail-point = Fail point
flag-wait-point = Wait point
rating-low = Low
rating-medium = Medium
rating-high = High
evidence-observed = Observed
evidence-assumed = Assumed
evidence-proposed = Proposed
state-current = Current state
state-future = Future state
state-day-in-the-life = Day in the life

## Inspector
inspector-cards-selected-hint = Drag them together, or press Delete to remove them.
inspector-words = Words on the map
inspector-rtl = Reads right to left (stage 1 at the right)
inspector-words-hint = The scale's levels, the blueprint's lines and the journey's state, in the map's language.
inspector-colour = Colour
inspector-own-colour = Own colour
inspector-card = Card
inspector-title = Title
inspector-remove-name = Remove name
inspector-remove-name-hint = Keep the note, without who wrote it
inspector-notes = Notes
inspector-channel = Channel
inspector-none = None
inspector-other = Other
inspector-other-channel = Other…
inspector-channel-name = Channel name
inspector-metrics = Metrics
inspector-flags = Flags
inspector-evidence = Evidence
inspector-unknown = Unknown
inspector-priority = Priority
inspector-effort = Effort
inspector-not-set = Not set
inspector-owner = Owner
inspector-dot-votes = Dot votes
inspector-dots = Dots
inspector-clear = Clear
inspector-clear-hint = Take every dot off this card
edit-card = Edit card
inspector-links = Links
edit-remove-link = Remove link
inspector-link-label = Label on the link
edit-link-label = Edit link label
inspector-link-to = Link to…
edit-add-link = Add link
inspector-stage = Stage
inspector-name = Name
inspector-goal = Customer goal
inspector-width = Width
edit-stage = Edit stage
inspector-lane = Lane
inspector-kind = Kind
inspector-height = Height
inspector-collapsed = Collapsed
inspector-show-notes = Show notes on the cards
inspector-show-notes-hint = Each card shows the first lines of its notes under its title
edit-lane = Edit lane
inspector-map = Map
inspector-scenario = Scenario and goal
inspector-author = Author
inspector-journey = Journey
inspector-scale = Sentiment scale
edit-scale = Change sentiment scale
inspector-from = From
inspector-no-point = Stages without a point
inspector-bridge = Bridge the curve
inspector-break = Break it
edit-map = Edit map
inspector-add = Add
inspector-add-stage = + Stage
inspector-add-lane = + Lane
inspector-nothing-selected = Select a card, a stage or a lane header to edit it here.
inspector-cards-selected = { $count ->
    [one] { $count } card selected
   *[other] { $count } cards selected
}
inspector-added-by = Added in the room by { $name }

## Inspector: sentiment and personas
inspector-value = Value
inspector-label = Label
inspector-emoji = Emoji
inspector-anchored = Anchored at
edit-point = Edit sentiment point
inspector-delete-point = Delete point
inspector-personas = Personas
inspector-description = Description
inspector-goals = Goals (one per line)
inspector-needs = Needs (one per line)
edit-persona = Edit persona
inspector-delete-persona = Delete persona and their curves
edit-delete-persona = Delete persona
inspector-add-persona = + Persona
edit-add-persona = Add persona
inspector-curves = Curves
inspector-curves-hint = Double-click the Emotions lane to add a point to the active curve.
inspector-add-curve = + Curve (for example, future state)
inspector-curve-customer = Customer
edit-add-curve = Add curve
inspector-visible = Visible
inspector-visible-hint = Show or hide this curve on the map
edit-show-curve = Show or hide curve
inspector-active = Active
inspector-active-hint = New points go here: click the Emotions lane to add one
inspector-delete-curve-hint = Delete this curve and its points (Undo brings them back)
edit-delete-curve = Delete curve

## Inspector: pictures
inspector-picture = Picture
inspector-picture-drop = Or drop a PNG or JPEG file on the card.
inspector-replace-picture = Replace picture…
inspector-choose-picture = Choose picture…
inspector-picture-hint = A PNG or JPEG file; kept next to the map is best
inspector-remove-picture = Remove picture
inspector-remove-picture-hint = Takes the picture off; the file stays
inspector-on-curve = On the curve { $name }
inspector-anchor-card = Card: { $title }
inspector-new-persona = Persona { $number }
inspector-curve-visible = { $name }: visible
inspector-curve-active = { $name }: active
inspector-delete-curve = Delete curve { $name }

## Presentation: notes
present-type-note = Type a note…
edit-add-note = Add note

## Presentation
present-hints = Right, Space: next · Left: back · O: overview · 1–9: stage · N: note · V: vote · R: results · T: timer · J: room · C: contrast · Esc: leave
present-vote-phones-hint = Only you see your dots until R shows the results · a click here adds a dot too · V: end
present-vote-hint = Click a card: add a dot · Shift+click: take it back · Enter: next voter · R: results · V: end
present-no-dots = No dots yet. V starts a vote.
present-dot-vote = Dot vote
present-vote-question = What does the room vote on?
present-dots-per-person = Dots per person
present-start-vote = Start vote (Enter)
present-vote-keys = Esc cancels · Up/Down: dots
present-timer = Timer
present-minutes = Minutes
present-start-timer = Start timer (Enter)
present-timer-keys = Esc cancels · Up/Down: minutes

## Presentation: the room
edit-room-dots = Dots from the room
room-join = Join the room
room-scan = Scan with your phone's camera
room-or-open = Or open
room-type-code = and type the code
room-loopback = Listening on this computer only: phones cannot reach it.
room-pause = Pause notes
room-anonymous = Hide names on new notes
room-latest = Latest notes
room-remove-note-hint = Remove this note (Ctrl+Z brings it back)
room-remove-note = Remove a note from the room
room-hide-card = Hide card (J)
room-close = Close the room
vote-all-cards = All cards
vote-on-pain-points = pain points
vote-on-opportunities = opportunities
vote-on-all-cards = all cards
vote-no-dots-left = Voter { $voter } has used every dot · Enter: next voter
vote-not-voted-on = This vote is on { $subject }
vote-no-dot-here = Voter { $voter } has no dot on this card
present-vote-phones = Dot vote on { $subject } · { $dots } dots each, on your phones
present-times-up = Time's up
present-results = { $count ->
    [one] Results · { $count } dot
   *[other] Results · { $count } dots
}
present-dots = { $count ->
    [one] { $count } dot
   *[other] { $count } dots
}
present-note-hint = Enter adds it and opens the next · Shift+Enter new line · Esc stops · { $count } added
present-overview-line = { $count ->
    [one] Overview · { $count } stage
   *[other] Overview · { $count } stages
}
present-stage-line = Stage { $number } of { $count } · { $name }
edit-take-dot = Take back a dot
edit-add-dot = Add a dot
present-room-failed = The room did not open: { $error }
present-room-closed = The room is closed
present-no-note-lane = This map has no lane for notes
present-vote-ended = Vote ended · R shows the results
present-voter-turn = Voter { $voter }: your turn
room-someone = someone
edit-room-note = Note from { $name }
room-line = Room { $code } · { $people }
room-notes = { $count ->
    [one] { $count } note
   *[other] { $count } notes
}
room-remove-person = Take { $name } out of the room
room-nobody = No one in the room yet
room-people = { $count ->
    [one] { $count } person in the room
   *[other] { $count } people in the room
}
room-qr = QR code for { $url }
present-vote-voter = Dot vote on { $subject } · Voter { $voter } · { $left } of { $dots } dots left
metric-reported-by = Reported by
metric-drop-off = Drop-off
export-unit-points = pt
export-unit-pixels = px

## The room's page on participants' phones (variables are filled in by the page)
room-page-title = Touchline · the room
room-page-connecting = Connecting…
room-page-join-title = Join the workshop
room-page-your-name = Your name
room-page-join = Join
room-page-privacy = Your name shows on the notes you add. Nothing is sent anywhere but to the facilitator's computer.
room-page-paused = The facilitator has paused notes.
room-page-private-dots = Only you see your dots until the facilitator shows the results.
room-page-results = Results
room-page-add-title = Add a sticky note
room-page-your-note = Your note
room-page-lane = Lane
room-page-stage = Stage
room-page-add-note = Add note
room-page-on-map = On the map here
room-page-in-room-as = In the room as
room-page-leave = Leave
room-page-closed-title = The room is closed
room-page-closed-text = Thank you for taking part. The facilitator has your notes and dots.
room-page-left-title = You left the room
room-page-removed-text = The facilitator took you out of the room, or you left.
room-page-ended-text = The connection to the facilitator's computer ended.
room-page-come-back = Scan the code again to come back.
room-page-lost = Connection lost · trying again…
room-page-name-first = Type your name first.
room-page-write-first = Write something first.
room-page-added = Added to the map ✓
room-page-whole-journey = The whole journey
room-page-nothing-here = Nothing here yet.
room-page-one-dot = 1 dot
room-page-dots = { $count } dots
room-page-vote-title = Dot vote · { $on }
room-page-vote-on-pain-points = Pain points
room-page-vote-on-opportunities = Opportunities
room-page-vote-on-all-cards = All cards
room-page-dots-left = Dots left: { $left } of { $budget }
room-page-take-back = Take back a dot from { $title }
room-page-put-dot = Put a dot on { $title }
room-page-no-answer = The room did not answer ({ $status })
room-page-code-title = Touchline · join a room
room-page-code-heading = Join a workshop
room-page-code-label = Room code (on the shared screen)
room-page-code-join = Join

## A folder of maps: the workspace, search, roll-up and linked maps
command-open-folder = Open folder…
command-open-folder-hint = Open a folder of maps as a workspace: every map in it and its subfolders, search across them, and their pain points and opportunities in one table
command-close-tab = Close tab
command-search-maps = Search all maps
command-rollup = Pain points and opportunities
command-follow-link = Open linked map
command-go-back = Back
file-open-folder-title = Open a folder of maps
workspace-not-a-folder = { $path } is not a folder
workspace-rollup = Roll-up
workspace-rollup-hint = Every pain point and opportunity of every map, in one table
workspace-maps = { $count ->
    [one] { $count } map
   *[other] { $count } maps
}
workspace-broken = { $count } unreadable
workspace-other-files = { $count ->
    [one] { $count } other file
   *[other] { $count } other files
}
workspace-search-hint = Search all maps (Ctrl+Shift+F)
workspace-counts = { $stages } stages, { $cards } cards
workspace-committed = { $date }, { $author }
workspace-saved = Saved { $date }
workspace-unreadable = Does not open: hover for why
workspace-no-matches = No card, stage or persona matches
workspace-matches = { $count } matches in { $maps } maps
workspace-matches-cut = The first { $count } matches: type more to narrow them
workspace-hit-map = Map
workspace-hit-stage = Stage
workspace-hit-card = Card
workspace-hit-persona = Persona
workspace-untitled = (untitled)
workspace-choose = Choose a map of { $folder } on the left
rollup-title = Pain points and opportunities
rollup-all-kinds = Pain points and opportunities
rollup-pain-points = Pain points only
rollup-opportunities = Opportunities only
rollup-all-states = Every state
rollup-all-personas = Every persona
rollup-count = { $count } cards
rollup-kind = Kind
rollup-pain-point = Pain point
rollup-opportunity = Opportunity
rollup-votes = Votes
rollup-reported = Reported by
rollup-drop-off = Drop-off
rollup-owner = Owner
rollup-map = Map
rollup-stage = Stage
rollup-card = Card
link-mark-hint = Opens “{ $title }” ({ $file }): click to go there, Ctrl+[ to come back
link-mark-missing = Opens { $file }, which is missing
link-unsaved = Save this map first: the maps it opens are found from its folder
link-missing = { $file } does not exist; check the link in the inspector or restore the map
command-compare = Compare with other state
command-compare-hint = The map and its counterpart one above the other: stages aligned, both sentiment curves in one lane, the future's changes marked
compare-tab = { $one } and { $other }
inspector-opens = Opens map
inspector-counterpart = Other state (counterpart)
inspector-link-hint = detail/onboarding.ron
inspector-link-about = A map file, found from this map's folder. The card or stage shows a mark that opens it; the map's other state is compared with View → Compare with other state.
workspace-rescan = Read the folder again (maps added or changed on disk)
inspector-link-choose = Choose…
inspector-link-remove = Remove link
edit-link-map = Link a map
