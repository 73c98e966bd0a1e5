# واجهة Touchline بالعربية. المصطلحات كما في المقال: خريطة رحلة العميل، نقاط الاتصال،
# المرحلة، الشخصية، نقاط الألم. الأرقام بالأرقام الغربية (0-9) كما في ملفات الخرائط وتصديرها.

## Menus and commands
menu-file = ملف
menu-edit = تحرير
menu-view = عرض
command-new = جديد…
command-open = فتح…
command-import = استيراد…
command-save = حفظ
command-save-as = حفظ باسم…
command-export = تصدير…
command-copy-image = نسخ كصورة
command-quit = خروج
command-undo = تراجع
command-redo = إعادة
command-cut = قص
command-copy = نسخ
command-paste = لصق
command-duplicate = تكرار
command-delete = حذف
command-select-all = تحديد الكل
command-clear-votes = مسح الأصوات
command-deselect = إلغاء التحديد
command-zoom-in = تكبير
command-zoom-out = تصغير
command-zoom-reset = تكبير إلى 100 %
command-zoom-fit = ملاءمة الشاشة
command-toggle-view = التبديل بين الرحلة والمخطط
command-toggle-inspector = إظهار لوحة الخصائص
command-toggle-theme = التبديل بين الفاتح والداكن
command-present = عرض تقديمي
command-present-in-window = عرض تقديمي في نافذة
command-open-room = فتح الغرفة
command-select-left = تحديد البطاقة اليسرى
command-select-right = تحديد البطاقة اليمنى
command-select-up = تحديد البطاقة العليا
command-select-down = تحديد البطاقة السفلى
command-move-left = نقل البطاقة يسارًا
command-move-right = نقل البطاقة يمينًا
command-move-up = نقل البطاقة لأعلى
command-move-down = نقل البطاقة لأسفل
command-next-card = البطاقة التالية
command-previous-card = البطاقة السابقة
command-edit-card = تحرير نص البطاقة
command-import-hint = جدول بيانات (CSV أو TSV) أو رحلة Mermaid، كخريطة جديدة
command-open-room-hint = عرض تقديمي مع رمز انضمام ليضيف المشاركون ملاحظات ويصوّتوا من هواتفهم

## Menu bar, toolbar, status bar
menu-open-recent = الخرائط الأخيرة
menu-no-recent = لا توجد خرائط حديثة
menu-theme = المظهر
theme-system = حسب النظام
theme-light = فاتح
theme-dark = داكن
theme-high-contrast = تباين عالٍ
toolbar-journey = الرحلة
toolbar-blueprint = مخطط الخدمة
toolbar-other-lanes = مسارات أخرى
toolbar-other-lanes-hint = إظهار المسارات التي ليست جزءًا من مخطط الخدمة، مجمّعة أسفله
menu-undo-step = تراجع: { $step }
menu-redo-step = إعادة: { $step }
status-not-saved = لم تُحفظ بعد
status-stages = { $count ->
    [zero] لا مراحل
    [one] مرحلة واحدة
    [two] مرحلتان
    [few] { $count } مراحل
   *[other] { $count } مرحلة
}
status-lanes = { $count ->
    [zero] لا مسارات
    [one] مسار واحد
    [two] مساران
    [few] { $count } مسارات
   *[other] { $count } مسارًا
}
status-cards = { $count ->
    [zero] لا بطاقات
    [one] بطاقة واحدة
    [two] بطاقتان
    [few] { $count } بطاقات
   *[other] { $count } بطاقة
}
status-selected = المحدد: { $count }
status-hint = انقر مرتين للتحرير · اسحب للنقل · Alt+سحب للربط · اسحب بالزر الأيمن أو مرّر للتنقل · Ctrl+تمرير للتكبير
menu-language = اللغة
language-system = حسب النظام ({ $name })
error-failed = تعذّر { $what }: { $error }
window-presenting = عرض تقديمي

## Start screen
start-tagline = خرائط رحلة العميل ومخططات الخدمة
start-from-template = ابدأ من قالب
start-open-map = فتح خريطة…
start-recent = الخرائط الأخيرة
start-recovered = عمل مُستعاد
start-recovered-text = كانت في هذه الخرائط تغييرات غير محفوظة عندما توقف Touchline آخر مرة.
start-untitled = خريطة بلا عنوان
start-restore = استعادة
start-discard = تجاهل
start-template-language = اللغة:
start-all-languages = الكل
start-new-map = خريطة جديدة
start-from-template-colon = ابدأ من قالب:
start-template-access = خريطة جديدة من القالب { $name }
template-blank = رحلة فارغة: أربع مراحل والمسارات المعتادة، جاهزة للتعبئة
template-ecommerce = رحلة متجر إلكتروني في خمس مراحل عبر القنوات التي يستخدمها العملاء
template-ecommerce-future = رحلة المتجر الإلكتروني كما يريدها الفريق: نقاط الألم في الخريطة الحالية وقد عولجت
template-b2b-phone-system = شراء نظام هاتف للأعمال بين الشركات في ثماني مراحل، من الحاجة إلى التوصية
template-coffee-shop-blueprint = مخطط خدمة لزيارة مقهى، أمام الكواليس وخلفها
template-saas-onboarding = تأهيل فترة تجربة برنامج سحابي، مروية لشخصيتين لكل منهما منحنى مشاعر
template-b2b-phone-system-id = رحلة نظام الهاتف للشركات في ثماني مراحل، بالإندونيسية
template-six-steps-id = رحلة مملوءة وفق الخطوات الست: الملف، المراحل، نقاط الاتصال، نقاط الألم، الإجراءات
template-b2b-phone-system-ar = رحلة نظام الهاتف للشركات في ثماني مراحل، بالعربية
template-b2b-phone-system-de = رحلة نظام الهاتف للشركات في ثماني مراحل، بالألمانية
template-customer-care-th = خدمة العملاء من الدردشة في التطبيق إلى مركز الاتصال والرصد الاجتماعي، بالتايلاندية
language-english = الإنجليزية
language-indonesian = الإندونيسية
language-arabic = العربية
language-german = الألمانية
language-thai = التايلاندية

## Dialogs
dialog-error-title = حدث خطأ ما
dialog-import-notes-title = تم الاستيراد، مع ملاحظات
dialog-unsaved-text = ستضيع تغييراتك إن لم تحفظها.
dialog-save = حفظ
dialog-discard = تجاهل
dialog-cancel = إلغاء
dialog-read-only-text = وضع أحدهم (ربما أنت) هذا الملف للقراءة فقط. احفظ على أي حال لاستبداله (يبقى للقراءة فقط)، أو احفظ تغييراتك في ملف آخر.
dialog-save-anyway = حفظ على أي حال
dialog-save-as = حفظ باسم…
dialog-restore-title = استعادة التغييرات غير المحفوظة؟
dialog-restore-text = في هذه الخريطة تغييرات لم تُحفظ عندما توقف Touchline آخر مرة. استعدها (يمكنك التراجع عنها أو تجاهلها لاحقًا)، أو تجاهلها نهائيًا.
dialog-restore = استعادة التغييرات
dialog-discard-them = تجاهلها
dialog-ok = حسنًا
dialog-unsaved-title = حفظ التغييرات في { $name }؟
dialog-read-only-title = { $name } للقراءة فقط

## Files
file-filter-map = خريطة Touchline
file-open-title = فتح خريطة
file-save-title = حفظ الخريطة
file-filter-import = جدول بيانات أو رحلة Mermaid
file-import-title = استيراد
file-filter-picture = صورة
file-picture-title = اختيار صورة
file-filter-png = صورة PNG
file-filter-svg = رسم SVG
file-filter-pdf = مستند PDF
file-filter-slides = عرض شرائح
edit-keep-pictures = إبقاء الصور مع الخريطة
file-untitled-journey = رحلة بلا عنوان

## File changed on disk
edit-reloaded = إعادة التحميل من القرص
disk-changed-since-open = منذ أن فتحته. الحفظ الآن سيكتب فوق تلك التغييرات.
disk-changed-while-unsaved = بينما لديك تغييرات غير محفوظة.
disk-keep-mine = إبقاء نسختي
disk-keep-mine-hint = تبقى نسختك؛ الحفظ التالي يكتب فوق الملف
disk-take-theirs = أخذ نسختهم
disk-take-theirs-hint = تحميل الملف كما هو الآن (التراجع يعيد نسختك)
disk-merge = دمج
disk-merge-hint = دمج النسختين عنصرًا عنصرًا وحقلًا حقلًا، مقارنةً بالنسخة التي فتحتها
disk-keep-mine-unreadable-hint = الحفظ التالي يكتب فوق الملف
disk-still-here = خريطتك ما زالت هنا.
disk-theirs-in-notes = (نسختهم في ملاحظات البطاقات). احفظ لكتابة النتيجة.
edit-take-theirs = أخذ النسخة التي على القرص
edit-merge-disk = الدمج مع الملف على القرص
file-export-title = تصدير { $format }
file-no-folder = { $path }: المجلد { $folder } غير موجود
file-not-saved = لم يُحفظ { $path }: { $error }. تغييراتك ما زالت هنا دون حفظ؛ احفظها في مكان آخر عبر ملف ← حفظ باسم.
disk-reload-failed = تعذّرت إعادة التحميل: { $error }
disk-changed = تغيّر { $name } على القرص
disk-unreadable = تغيّر { $name } على القرص ولا يمكن قراءته:
disk-missing = حُذف { $name } أو نُقل.
disk-merged = { $count ->
    [one] دُمج مع الملف على القرص: تعارض واحد أُبقيت فيه نسختك
    [two] دُمج مع الملف على القرص: تعارضان أُبقيت فيهما نسختك
   *[other] دُمج مع الملف على القرص: { $count } تعارضات أُبقيت فيها نسختك
}
disk-take-failed = تعذّر أخذ النسخة التي على القرص: { $error }
disk-merge-failed = تعذّر الدمج: { $error }

## Pictures
pictures-outside = تعرض هذه الخريطة صورًا من خارج مجلدها:
pictures-not-read = لن تُقرأ حتى توافق.
pictures-show = إظهارها
pictures-show-hint = قراءة هذه الملفات لهذه الخريطة، الآن وفي المرات القادمة
pictures-not-now = ليس الآن
edit-add-picture = إضافة صورة
pictures-and-more = { " " }و{ $count } أخرى
pictures-only-png-jpeg = { $path }: يمكن وضع صور PNG وJPEG فقط على بطاقة أو شخصية
pictures-open-map-first = { $path }: افتح خريطة أولًا، ثم أفلت الصورة على بطاقة
pictures-drop-where = { $path }: أفلت الصورة على بطاقة أو شخصية (أو حدّد بطاقة أولًا) لوضعها هناك
drop-open-map = أفلت لفتح الخريطة
drop-only-png-jpeg = يمكن وضع صور PNG وJPEG فقط على بطاقة
drop-on-card = أفلت لوضع الصورة على «{ $title }»
drop-on-persona = أفلت لتصبح الصورة صورة { $name }
drop-where = أفلت الصورة على بطاقة أو شخصية

## Export dialog
export-title = تصدير
export-format = الصيغة
export-png-about = صورة، للشرائح والمحادثات
export-svg-about = رسم متجه بنص حقيقي: PowerPoint وKeynote وFigma
export-pdf-about = صفحة واحدة، متجهة، بخطوط مضمّنة: للتقارير والطباعة
export-slides-about = شريحة لكل مرحلة، قابلة للتحرير في PowerPoint وKeynote
export-view = العرض
export-with-other-lanes = مع المسارات الأخرى
export-size = الحجم
export-scale = المقياس
export-fit-to = ملاءمة إلى
export-theme = المظهر
export-type = الخط
export-large-type = كبير، كما في العرض
export-votes = الأصوات
export-show-votes = إظهار نقاط التصويت
export-background = الخلفية
export-transparent = شفافة
export-stages = المراحل
export-only = فقط
export-to = إلى
export-button = تصدير { $format }…
export-size-image = صورة: { $width } × { $height } بكسل
export-size-page = صفحة: { $width } × { $height } نقطة
export-size-paper = صفحة: { $width } × { $height } نقطة ({ $paper } أفقية)
export-size-slides = { $count } شريحة، { $ratio }
export-size-drawing = رسم: { $width } × { $height } بكسل
export-too-large = ستكون الصورة { $width } × { $height } بكسل، أكبر من الحد { $limit }. اختر مقياسًا أصغر، أو الملاءمة إلى حجم، أو صدّر بعض المراحل فقط.
export-too-many = في الخريطة { $count } من { $what }، أكثر مما يرسمه التصدير ({ $limit }). صدّر بعض المراحل فقط.
export-bad-scale = المقياس { $scale }× خارج المدى من 1× إلى 4×.
export-empty-fit = الملاءمة تحتاج عرضًا وارتفاعًا أكبر من 0.
export-bad-stages = المراحل من { $first } إلى { $last } خارج مراحل الخريطة من 1 إلى { $count }.

## Edits
edit-clear-votes = مسح الأصوات
edit-delete-point = حذف نقطة المشاعر
edit-delete-stage = حذف المرحلة
edit-delete-lane = حذف المسار
edit-duplicate-card = تكرار البطاقة
edit-duplicate-cards = تكرار { $count } بطاقات
edit-paste-card = لصق البطاقة
edit-paste-cards = لصق { $count } بطاقات
document-untitled = بلا عنوان

## Canvas edits
edit-resize-stage = تغيير عرض المرحلة
edit-resize-lane = تغيير ارتفاع المسار
edit-move-stage = نقل المرحلة
edit-move-lane = نقل المسار
edit-link-cards = ربط البطاقات

## Canvas menu
canvas-edit-text = تحرير النص
canvas-add-card-here = إضافة بطاقة هنا
canvas-menu-hint = انقر بالزر الأيمن على بطاقة أو خلية أو عنوان
canvas-rename = إعادة تسمية
canvas-add-stage-before = إضافة مرحلة قبلها
canvas-add-stage-after = إضافة مرحلة بعدها
canvas-new-stage = مرحلة جديدة
edit-add-stage = إضافة مرحلة
canvas-delete-stage = حذف المرحلة وبطاقاتها
canvas-add-lane-below = إضافة مسار أسفله
edit-add-lane = إضافة مسار
canvas-delete-lane = حذف المسار وبطاقاته

## Canvas
edit-add-card = إضافة بطاقة
canvas-add-card = + إضافة بطاقة

## Sentiment on the canvas
edit-add-point = إضافة نقطة مشاعر
edit-move-point = نقل نقطة المشاعر
canvas-point = نقطة مشاعر
canvas-point-hint = اسحب للتغيير · أفلت على بطاقة للتثبيت · Delete للحذف

## Text on the canvas
edit-card-text = تحرير نص البطاقة
edit-rename-stage = إعادة تسمية المرحلة
edit-rename-lane = إعادة تسمية المسار
edit-rename-map = إعادة تسمية الخريطة
canvas-card-hint = Enter للإنهاء · Shift+Enter لسطر جديد · Esc للإلغاء
canvas-stage-hint = اسم المرحلة · Enter للإنهاء
canvas-lane-hint = عنوان المسار · Enter للإنهاء
canvas-title-hint = عنوان الخريطة · Enter للإنهاء
canvas-type = اكتب…
canvas-delete-cards = { $count ->
    [one] حذف بطاقة واحدة
    [two] حذف بطاقتين
    [few] حذف { $count } بطاقات
   *[other] حذف { $count } بطاقة
}
canvas-expand = توسيع
canvas-collapse = طيّ
edit-expand-lane = توسيع المسار
edit-collapse-lane = طيّ المسار
edit-move-card = نقل البطاقة
edit-move-cards = نقل { $count } بطاقات
canvas-point-persona = الشخصية: { $name }
canvas-point-curve = المنحنى: { $name }
canvas-point-card = عند: { $title }
canvas-point-stage = المرحلة: { $name }

## Names of the map's kinds of things
lane-actions = الإجراءات
lane-touchpoints = نقاط الاتصال
lane-channels = القنوات
lane-thoughts = الأفكار
lane-questions = الأسئلة
lane-motivations = الدوافع
lane-obstacles = العقبات
lane-emotions = المشاعر
lane-pain-points = نقاط الألم
lane-opportunities = الفرص
lane-metrics = المقاييس
lane-owners = المسؤولون
lane-physical-evidence = الأدلة المادية
lane-customer-actions = إجراءات العميل
lane-frontstage = أمام الكواليس
lane-backstage = خلف الكواليس
lane-support-processes = عمليات الدعم
lane-custom = مخصص
channel-social-media = وسائل التواصل الاجتماعي
channel-website = الموقع الإلكتروني
channel-email = البريد الإلكتروني
channel-paid-ads = الإعلانات المدفوعة
channel-reviews = مراجعات الجهات الخارجية
channel-phone = الهاتف
channel-live-chat = الدردشة المباشرة
channel-sms = الرسائل النصية
channel-survey = الاستبيان
channel-product-onboarding = التأهيل داخل المنتج
channel-mobile-app = تطبيق الجوال
channel-in-person = حضوريًا
flag-moment-of-truth = لحظة الحقيقة
flag-exit-point = نقطة خروج
flag-fail-point = نقطة إخفاق
flag-wait-point = نقطة انتظار
rating-low = منخفض
rating-medium = متوسط
rating-high = مرتفع
evidence-observed = مُلاحَظ
evidence-assumed = مُفترَض
evidence-proposed = مُقترَح
state-current = الوضع الحالي
state-future = الوضع المستقبلي
state-day-in-the-life = يوم في الحياة

## Inspector
inspector-cards-selected-hint = اسحبها معًا، أو اضغط Delete لحذفها.
inspector-words = كلمات الخريطة
inspector-rtl = تُقرأ من اليمين إلى اليسار (المرحلة 1 على اليمين)
inspector-words-hint = مستويات المقياس وخطوط مخطط الخدمة وحالة الرحلة، بلغة الخريطة.
inspector-colour = اللون
inspector-own-colour = لون خاص
inspector-card = البطاقة
inspector-title = العنوان
inspector-remove-name = إزالة الاسم
inspector-remove-name-hint = إبقاء الملاحظة دون اسم كاتبها
inspector-notes = ملاحظات
inspector-channel = القناة
inspector-none = لا شيء
inspector-other = أخرى
inspector-other-channel = أخرى…
inspector-channel-name = اسم القناة
inspector-metrics = المقاييس
inspector-flags = العلامات
inspector-evidence = الدليل
inspector-unknown = غير معروف
inspector-priority = الأولوية
inspector-effort = الجهد
inspector-not-set = غير محدد
inspector-owner = المسؤول
inspector-dot-votes = نقاط التصويت
inspector-dots = النقاط
inspector-clear = مسح
inspector-clear-hint = إزالة كل النقاط عن هذه البطاقة
edit-card = تحرير البطاقة
inspector-links = الروابط
edit-remove-link = إزالة الرابط
inspector-link-label = تسمية على الرابط
edit-link-label = تحرير تسمية الرابط
inspector-link-to = ربط بـ…
edit-add-link = إضافة رابط
inspector-stage = المرحلة
inspector-name = الاسم
inspector-goal = هدف العميل
inspector-width = العرض
edit-stage = تحرير المرحلة
inspector-lane = المسار
inspector-kind = النوع
inspector-height = الارتفاع
inspector-collapsed = مطويّ
inspector-show-notes = إظهار الملاحظات على البطاقات
inspector-show-notes-hint = تُظهر كل بطاقة أول أسطر ملاحظاتها تحت عنوانها
edit-lane = تحرير المسار
inspector-map = الخريطة
inspector-scenario = السيناريو والهدف
inspector-author = المؤلف
inspector-journey = الرحلة
inspector-scale = مقياس المشاعر
edit-scale = تغيير مقياس المشاعر
inspector-from = من
inspector-no-point = مراحل بلا نقطة
inspector-bridge = وصل المنحنى
inspector-break = قطعه
edit-map = تحرير الخريطة
inspector-add = إضافة
inspector-add-stage = + مرحلة
inspector-add-lane = + مسار
inspector-nothing-selected = حدّد بطاقة أو مرحلة أو عنوان مسار لتحريره هنا.
inspector-cards-selected = { $count ->
    [two] بطاقتان محددتان
    [few] { $count } بطاقات محددة
   *[other] { $count } بطاقة محددة
}
inspector-added-by = أضافها في الغرفة { $name }

## Inspector: sentiment and personas
inspector-value = القيمة
inspector-label = التسمية
inspector-emoji = الرمز التعبيري
inspector-anchored = مثبتة عند
edit-point = تحرير نقطة المشاعر
inspector-delete-point = حذف النقطة
inspector-personas = الشخصيات
inspector-description = الوصف
inspector-goals = الأهداف (هدف في كل سطر)
inspector-needs = الاحتياجات (حاجة في كل سطر)
edit-persona = تحرير الشخصية
inspector-delete-persona = حذف الشخصية ومنحنياتها
edit-delete-persona = حذف الشخصية
inspector-add-persona = + شخصية
edit-add-persona = إضافة شخصية
inspector-curves = المنحنيات
inspector-curves-hint = النقر المزدوج على مسار المشاعر يضيف نقطة إلى المنحنى النشط.
inspector-add-curve = + منحنى (مثلًا، الوضع المستقبلي)
inspector-curve-customer = العميل
edit-add-curve = إضافة منحنى
inspector-visible = ظاهر
inspector-visible-hint = إظهار هذا المنحنى على الخريطة أو إخفاؤه
edit-show-curve = إظهار المنحنى أو إخفاؤه
inspector-active = نشط
inspector-active-hint = النقاط الجديدة تذهب هنا: انقر على مسار المشاعر لإضافة واحدة
inspector-delete-curve-hint = حذف هذا المنحنى ونقاطه (التراجع يعيدها)
edit-delete-curve = حذف المنحنى

## Inspector: pictures
inspector-picture = الصورة
inspector-picture-drop = أو أفلت ملف PNG أو JPEG على البطاقة.
inspector-replace-picture = استبدال الصورة…
inspector-choose-picture = اختيار صورة…
inspector-picture-hint = ملف PNG أو JPEG؛ والأفضل أن يكون بجانب الخريطة
inspector-remove-picture = إزالة الصورة
inspector-remove-picture-hint = تُزال الصورة؛ ويبقى الملف
inspector-on-curve = على المنحنى { $name }
inspector-anchor-card = البطاقة: { $title }
inspector-new-persona = الشخصية { $number }
inspector-curve-visible = { $name }: ظاهر
inspector-curve-active = { $name }: نشط
inspector-delete-curve = حذف المنحنى { $name }

## Presentation: notes
present-type-note = اكتب ملاحظة…
edit-add-note = إضافة ملاحظة

## Presentation
present-hints = اليمين، المسافة: التالي · اليسار: السابق · O: نظرة عامة · 1–9: مرحلة · N: ملاحظة · V: تصويت · R: النتائج · T: مؤقت · J: الغرفة · C: التباين · Esc: خروج
present-vote-phones-hint = لا يرى نقاطك غيرك حتى يُظهر R النتائج · النقر هنا يضيف نقطة أيضًا · V: إنهاء
present-vote-hint = انقر على بطاقة: أضف نقطة · Shift+نقر: استرجعها · Enter: المصوّت التالي · R: النتائج · V: إنهاء
present-no-dots = لا نقاط بعد. V يبدأ تصويتًا.
present-dot-vote = التصويت بالنقاط
present-vote-question = على ماذا تصوّت الغرفة؟
present-dots-per-person = النقاط لكل شخص
present-start-vote = بدء التصويت (Enter)
present-vote-keys = Esc للإلغاء · أعلى/أسفل: النقاط
present-timer = المؤقت
present-minutes = الدقائق
present-start-timer = بدء المؤقت (Enter)
present-timer-keys = Esc للإلغاء · أعلى/أسفل: الدقائق

## Presentation: the room
edit-room-dots = نقاط من الغرفة
room-join = انضم إلى الغرفة
room-scan = امسح بكاميرا هاتفك
room-or-open = أو افتح
room-type-code = واكتب الرمز
room-loopback = يستمع على هذا الحاسوب فقط: لا تصل إليه الهواتف.
room-pause = إيقاف الملاحظات مؤقتًا
room-anonymous = إخفاء الأسماء على الملاحظات الجديدة
room-latest = أحدث الملاحظات
room-remove-note-hint = حذف هذه الملاحظة (Ctrl+Z يعيدها)
room-remove-note = حذف ملاحظة من الغرفة
room-hide-card = إخفاء البطاقة (J)
room-close = إغلاق الغرفة
vote-all-cards = كل البطاقات
vote-on-pain-points = نقاط الألم
vote-on-opportunities = الفرص
vote-on-all-cards = كل البطاقات
vote-no-dots-left = استخدم المصوّت { $voter } كل نقاطه · Enter: المصوّت التالي
vote-not-voted-on = هذا التصويت على { $subject }
vote-no-dot-here = ليس للمصوّت { $voter } نقطة على هذه البطاقة
present-vote-phones = تصويت بالنقاط على { $subject } · { $dots } نقاط لكل شخص، على هواتفكم
present-times-up = انتهى الوقت
present-results = { $count ->
    [one] النتائج · نقطة واحدة
    [two] النتائج · نقطتان
    [few] النتائج · { $count } نقاط
   *[other] النتائج · { $count } نقطة
}
present-dots = { $count ->
    [one] نقطة واحدة
    [two] نقطتان
    [few] { $count } نقاط
   *[other] { $count } نقطة
}
present-note-hint = Enter يضيفها ويفتح التالية · Shift+Enter سطر جديد · Esc يتوقف · أُضيف { $count }
present-overview-line = { $count ->
    [one] نظرة عامة · مرحلة واحدة
    [two] نظرة عامة · مرحلتان
    [few] نظرة عامة · { $count } مراحل
   *[other] نظرة عامة · { $count } مرحلة
}
present-stage-line = المرحلة { $number } من { $count } · { $name }
edit-take-dot = استرجاع نقطة
edit-add-dot = إضافة نقطة
present-room-failed = تعذّر فتح الغرفة: { $error }
present-room-closed = أُغلقت الغرفة
present-no-note-lane = ليس في هذه الخريطة مسار للملاحظات
present-vote-ended = انتهى التصويت · R يُظهر النتائج
present-voter-turn = المصوّت { $voter }: دورك
room-someone = أحدهم
edit-room-note = ملاحظة من { $name }
room-line = الغرفة { $code } · { $people }
room-notes = { $count ->
    [one] ملاحظة واحدة
    [two] ملاحظتان
    [few] { $count } ملاحظات
   *[other] { $count } ملاحظة
}
room-remove-person = إخراج { $name } من الغرفة
room-nobody = لا أحد في الغرفة بعد
room-people = { $count ->
    [one] شخص واحد في الغرفة
    [two] شخصان في الغرفة
    [few] { $count } أشخاص في الغرفة
   *[other] { $count } شخصًا في الغرفة
}
room-qr = رمز QR لـ { $url }
present-vote-voter = تصويت بالنقاط على { $subject } · المصوّت { $voter } · بقي { $left } من { $dots } نقاط
metric-reported-by = أبلغ عنها
metric-drop-off = نسبة الانسحاب
export-unit-points = نقطة
export-unit-pixels = بكسل

## The room's page on participants' phones (variables are filled in by the page)
room-page-title = Touchline · الغرفة
room-page-connecting = جارٍ الاتصال…
room-page-join-title = انضم إلى ورشة العمل
room-page-your-name = اسمك
room-page-join = انضمام
room-page-privacy = يظهر اسمك على الملاحظات التي تضيفها. لا يُرسَل شيء إلى أي مكان سوى حاسوب الميسّر.
room-page-paused = أوقف الميسّر الملاحظات مؤقتًا.
room-page-private-dots = لا يرى نقاطك غيرك حتى يعرض الميسّر النتائج.
room-page-results = النتائج
room-page-add-title = أضف ملاحظة لاصقة
room-page-your-note = ملاحظتك
room-page-lane = المسار
room-page-stage = المرحلة
room-page-add-note = إضافة الملاحظة
room-page-on-map = على الخريطة هنا
room-page-in-room-as = في الغرفة باسم
room-page-leave = مغادرة
room-page-closed-title = أُغلقت الغرفة
room-page-closed-text = شكرًا لمشاركتك. ملاحظاتك ونقاطك لدى الميسّر.
room-page-left-title = غادرت الغرفة
room-page-removed-text = أخرجك الميسّر من الغرفة، أو غادرتها أنت.
room-page-ended-text = انقطع الاتصال بحاسوب الميسّر.
room-page-come-back = امسح الرمز مرة أخرى للعودة.
room-page-lost = انقطع الاتصال · جارٍ إعادة المحاولة…
room-page-name-first = اكتب اسمك أولًا.
room-page-write-first = اكتب شيئًا أولًا.
room-page-added = أُضيفت إلى الخريطة ✓
room-page-whole-journey = الرحلة كاملة
room-page-nothing-here = لا شيء هنا بعد.
room-page-one-dot = نقطة واحدة
room-page-dots = النقاط: { $count }
room-page-vote-title = تصويت بالنقاط · { $on }
room-page-vote-on-pain-points = نقاط الألم
room-page-vote-on-opportunities = الفرص
room-page-vote-on-all-cards = كل البطاقات
room-page-dots-left = النقاط المتبقية: { $left } من { $budget }
room-page-take-back = استرجاع نقطة من { $title }
room-page-put-dot = وضع نقطة على { $title }
room-page-no-answer = لم تُجب الغرفة ({ $status })
room-page-code-title = Touchline · الانضمام إلى غرفة
room-page-code-heading = انضم إلى ورشة عمل
room-page-code-label = رمز الغرفة (على الشاشة المشتركة)
room-page-code-join = انضمام

## A folder of maps: the workspace, search, roll-up and linked maps
command-open-folder = فتح مجلد…
command-open-folder-hint = افتح مجلدًا من الخرائط كمساحة عمل: كل خريطة فيه وفي مجلداته الفرعية، والبحث فيها جميعًا، ونقاط الألم والفرص في جدول واحد
command-close-tab = إغلاق التبويب
command-search-maps = البحث في كل الخرائط
command-rollup = نقاط الألم والفرص
command-follow-link = فتح الخريطة المرتبطة
command-go-back = رجوع
file-open-folder-title = فتح مجلد من الخرائط
workspace-not-a-folder = { $path } ليس مجلدًا
workspace-rollup = الملخص
workspace-rollup-hint = كل نقاط الألم والفرص من كل الخرائط في جدول واحد
workspace-maps = { $count ->
    [one] خريطة واحدة
   *[other] { $count } خرائط
}
workspace-broken = { $count } غير مقروءة
workspace-other-files = { $count ->
    [one] ملف آخر
   *[other] { $count } ملفات أخرى
}
workspace-search-hint = البحث في كل الخرائط (Ctrl+Shift+F)
workspace-counts = { $stages } مراحل، { $cards } بطاقات
workspace-committed = { $date }، { $author }
workspace-saved = حُفظت { $date }
workspace-unreadable = لا تُفتح: مرّر المؤشر لمعرفة السبب
workspace-no-matches = لا توجد بطاقة أو مرحلة أو شخصية مطابقة
workspace-matches = { $count } نتيجة في { $maps } خرائط
workspace-matches-cut = أول { $count } نتيجة: اكتب المزيد لتضييقها
workspace-hit-map = خريطة
workspace-hit-stage = مرحلة
workspace-hit-card = بطاقة
workspace-hit-persona = شخصية
workspace-untitled = (بلا عنوان)
workspace-choose = اختر خريطة من { $folder } من اللوحة الجانبية
rollup-title = نقاط الألم والفرص
rollup-all-kinds = نقاط الألم والفرص
rollup-pain-points = نقاط الألم فقط
rollup-opportunities = الفرص فقط
rollup-all-states = كل الحالات
rollup-all-personas = كل الشخصيات
rollup-count = { $count } بطاقة
rollup-kind = النوع
rollup-pain-point = نقطة ألم
rollup-opportunity = فرصة
rollup-votes = الأصوات
rollup-reported = أبلغ عنها
rollup-drop-off = الانسحاب
rollup-owner = المسؤول
rollup-map = الخريطة
rollup-stage = المرحلة
rollup-card = البطاقة
link-mark-hint = تفتح «{ $title }» ({ $file }): انقر للذهاب إليها، و Ctrl+[ للرجوع
link-mark-missing = تفتح { $file }، وهي مفقودة
link-unsaved = احفظ هذه الخريطة أولًا: الخرائط التي تفتحها يُعثر عليها انطلاقًا من مجلدها
link-missing = { $file } غير موجود؛ راجع الرابط في لوحة الخصائص أو استعد الخريطة
command-compare = المقارنة بالحالة الأخرى
command-compare-hint = الخريطة ونظيرتها إحداهما فوق الأخرى: المراحل متحاذية، ومنحنيا المشاعر في مسار واحد، وتغييرات المستقبل مُعلَّمة
compare-tab = { $one } و{ $other }
inspector-opens = تفتح خريطة
inspector-counterpart = الحالة الأخرى (النظيرة)
inspector-link-hint = detail/onboarding.ron
inspector-link-about = ملف خريطة يُبحث عنه انطلاقًا من مجلد هذه الخريطة. تُظهر البطاقة أو المرحلة علامة تفتحه؛ وتُقارن الحالة الأخرى من عرض ← المقارنة بالحالة الأخرى.
workspace-rescan = إعادة قراءة المجلد (خرائط أُضيفت أو تغيّرت على القرص)
inspector-link-choose = اختيار…
inspector-link-remove = إزالة الرابط
edit-link-map = ربط خريطة
