"""The demo site in French, Spanish and Arabic: the site's own translations of the English demo
pages, with the same facts (numbers, names, places, dates).

The loader copies each English page into the other language with Wagtail's translation tools,
then lays the text below over the copy: page fields by name, and StreamField blocks in order,
each matched to the next English block of the same type. Only the text is given here; pictures,
documents, links and numbers of items come from the English page. In rich text, a bare `<a>`
takes the place of the English page's link at the same position.
"""

import copy
import re

LANGUAGES = ("fr", "es", "ar")


def rich(*paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def alt(text):
    """The alternative text of a picture chosen in a block."""
    return {"alt_text": text}


# Home -----------------------------------------------------------------------------------------

HOME = {
    "fr": {
        "title": "Programmes de la Croix-Rouge et du Croissant-Rouge",
        "strapline": (
            "Comment les Sociétés nationales protègent les personnes en déplacement et apportent "
            "les vaccins aux communautés les plus difficiles à atteindre."
        ),
        "intro": rich(
            "La Fédération internationale des Sociétés de la Croix-Rouge et du Croissant-Rouge "
            "(FICR) soutient les Sociétés nationales dans leur action au sein de leurs propres "
            "communautés. Ces pages présentent deux volets de ce travail : l’aide humanitaire et "
            "la protection des migrants et des personnes déplacées, et la vaccination de chaque "
            "enfant."
        ),
        "body": [
            (
                "key_figures",
                {
                    "heading": "Un réseau présent dans presque tous les pays",
                    "figures": [
                        {"label": "pays dotés d’une Société nationale", "source": "FICR"},
                        {
                            "number": "17 millions",
                            "label": "de volontaires, environ",
                            "source": "FICR",
                        },
                        {"label": "Sociétés nationales membres de la Fédération", "source": "FICR"},
                    ],
                },
            ),
            ("latest_news", {"heading": "Dernières actualités"}),
            ("case_studies", {"heading": "Études de cas des Sociétés nationales"}),
        ],
    },
    "es": {
        "title": "Programas de la Cruz Roja y de la Media Luna Roja",
        "strapline": (
            "Cómo las Sociedades Nacionales protegen a las personas en movimiento y llevan las "
            "vacunas a las comunidades más difíciles de alcanzar."
        ),
        "intro": rich(
            "La Federación Internacional de Sociedades de la Cruz Roja y de la Media Luna Roja "
            "(FICR) apoya a las Sociedades Nacionales en el trabajo que realizan en sus propias "
            "comunidades. Estas páginas siguen dos líneas de ese trabajo: la ayuda humanitaria y "
            "la protección de las personas migrantes y desplazadas, y la vacunación de cada niño "
            "y cada niña."
        ),
        "body": [
            (
                "key_figures",
                {
                    "heading": "Una red presente en casi todos los países",
                    "figures": [
                        {"label": "países con una Sociedad Nacional", "source": "FICR"},
                        {
                            "number": "17 millones",
                            "label": "de voluntarios, aproximadamente",
                            "source": "FICR",
                        },
                        {"label": "Sociedades Nacionales en la Federación", "source": "FICR"},
                    ],
                },
            ),
            ("latest_news", {"heading": "Últimas noticias"}),
            ("case_studies", {"heading": "Estudios de caso de las Sociedades Nacionales"}),
        ],
    },
    "ar": {
        "title": "برامج الصليب الأحمر والهلال الأحمر",
        "strapline": (
            "كيف تحمي الجمعيات الوطنية الأشخاص المتنقلين وتوصل اللقاحات إلى المجتمعات التي يصعب "
            "الوصول إليها أكثر من غيرها."
        ),
        "intro": rich(
            "يدعم الاتحاد الدولي لجمعيات الصليب الأحمر والهلال الأحمر الجمعيات الوطنية في عملها "
            "داخل مجتمعاتها. وتتناول هذه الصفحات جانبين من هذا العمل: المساعدة الإنسانية والحماية "
            "للمهاجرين والنازحين، والتحصين لكل طفل."
        ),
        "body": [
            (
                "key_figures",
                {
                    "heading": "شبكة حاضرة في كل بلد تقريبًا",
                    "figures": [
                        {"label": "بلدًا فيها جمعية وطنية", "source": "الاتحاد الدولي"},
                        {
                            "number": "17 مليون",
                            "label": "متطوع تقريبًا",
                            "source": "الاتحاد الدولي",
                        },
                        {"label": "جمعية وطنية في الاتحاد الدولي", "source": "الاتحاد الدولي"},
                    ],
                },
            ),
            ("latest_news", {"heading": "آخر الأخبار"}),
            ("case_studies", {"heading": "دراسات حالة من الجمعيات الوطنية"}),
        ],
    },
}


# Migration ------------------------------------------------------------------------------------

MIGRATION = {
    "fr": {
        "title": "Migration",
        "strapline": (
            "Répondre aux besoins humanitaires et de protection des migrants et des personnes "
            "déplacées, où qu’ils se trouvent sur leur parcours."
        ),
        "hero_caption": (
            "Les familles en déplacement voyagent souvent pendant des mois avant de trouver la "
            "sécurité."
        ),
        "listing_summary": (
            "Aide et protection pour les migrants et les personnes déplacées dans les pays "
            "d’origine, de transit et de destination."
        ),
        "body": [
            (
                "intro",
                rich(
                    "La migration est à la fois la cause et la conséquence de nombreux grands "
                    "défis humanitaires de notre époque. Dans toutes les régions, les personnes "
                    "en déplacement courent de graves risques, et ces risques sont plus grands "
                    "encore pour celles qui sont déjà vulnérables."
                ),
            ),
            (
                "paragraph",
                rich(
                    "Aucune raison unique n’explique pourquoi des personnes quittent leur foyer. "
                    "Certaines fuient la persécution, les conflits ou la violence ; d’autres "
                    "échappent à des violations de leurs droits, à la pauvreté ou au manque de "
                    "travail ; d’autres encore sont chassées par des catastrophes naturelles et, "
                    "de plus en plus souvent, par le changement climatique. Beaucoup traversent "
                    "des frontières pour trouver un emploi. Pour la plupart, plusieurs de ces "
                    "pressions s’additionnent.",
                    "La FICR travaille depuis longtemps aux côtés des migrants. Les Sociétés "
                    "nationales de la Croix-Rouge et du Croissant-Rouge aident les réfugiés et "
                    "les demandeurs d’asile, les victimes de la traite, les travailleurs migrants "
                    "et les enfants qui voyagent seuls. Elles offrent les premiers secours, "
                    "l’accès aux soins de santé et d’autres services essentiels à celles et ceux "
                    "qui en ont le plus besoin et, avec le Comité international de la Croix-Rouge "
                    "(CICR), elles aident les familles séparées à se retrouver grâce aux services "
                    "de rétablissement des liens familiaux (RLF).",
                ),
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {"label": "pays où travaille une Société nationale", "source": "FICR"},
                        {
                            "number": "17 millions",
                            "label": "de volontaires, environ",
                            "source": "FICR",
                        },
                    ],
                },
            ),
            (
                "paragraph",
                rich(
                    "Parce que notre réseau est présent aussi bien dans les pays d’origine que "
                    "de transit et de destination, nous pouvons soutenir les migrants à chaque "
                    "étape de la route. L’action locale, répétée dans le monde entier, nous "
                    "permet de prévenir la souffrance, de défendre les droits et la dignité des "
                    "migrants, et d’aider les sociétés d’accueil à tirer parti de la migration "
                    "grâce aux programmes d’inclusion sociale.",
                    "Les opinions sur la migration sont de plus en plus divisées. La FICR "
                    "s’attache à rapprocher les migrants et les communautés d’accueil, afin que "
                    "chacun comprenne mieux l’autre et devienne plus résilient, individuellement "
                    "et collectivement.",
                ),
            ),
            (
                "feature_cards",
                {
                    "heading": "Notre action en matière de migration",
                    "cards": [
                        {
                            "title": "Politique et stratégie",
                            "text": (
                                "Une bonne politique permet au Mouvement et aux Sociétés "
                                "nationales de traiter les questions dont dépend la réponse "
                                "aux besoins des migrants et des personnes déplacées."
                            ),
                            "link": {"text": "Découvrir notre travail politique"},
                        },
                        {
                            "title": "Assistance et information",
                            "text": (
                                "Nous aidons les Sociétés nationales à assister les migrants "
                                "quel que soit leur statut juridique, en commençant par les "
                                "besoins les plus urgents. Une application web leur donne des "
                                "informations fiables quand ils sont le plus vulnérables, dans "
                                "le cadre de notre travail d’engagement communautaire et de "
                                "redevabilité."
                            ),
                            "link": {"text": "Voir l’affiche de la ligne d’assistance"},
                        },
                        {
                            "title": "Pratiques innovantes",
                            "text": (
                                "Sur le site des pratiques innovantes de la FICR, partenaires "
                                "humanitaires et gouvernements comparent leurs enseignements, "
                                "leurs connaissances et leur expertise sur la migration, au "
                                "service d’une approche mondiale pour sauver des vies."
                            ),
                            "link": {"text": "Parcourir le centre de ressources"},
                        },
                    ],
                },
            ),
            (
                "story_callout",
                {
                    "question": (
                        "Que feriez-vous si la guerre atteignait votre ville ? Si le seul moyen "
                        "de protéger votre famille était de risquer sa vie sur un bateau, la "
                        "nuit, sans retour possible ?"
                    ),
                    "text": (
                        "Derrière chaque chiffre et chaque débat, il y a des milliers "
                        "d’histoires humaines."
                    ),
                    "image": alt(
                        "Illustration de personnes marchant au crépuscule vers des tentes sur les "
                        "collines"
                    ),
                    "link": {"text": "Lire leurs histoires"},
                },
            ),
            ("latest_news", {"heading": "Actualités liées"}),
            (
                "latest_resources",
                {"heading": "Nouveautés du centre de ressources sur la migration"},
            ),
            ("case_studies", {"heading": "Études de cas"}),
        ],
    },
    "es": {
        "title": "Migración",
        "strapline": (
            "Respondemos a las necesidades humanitarias y de protección de las personas migrantes "
            "y desplazadas, en cualquier punto de su trayecto."
        ),
        "hero_caption": (
            "Las familias en movimiento a menudo viajan durante meses antes de encontrar un "
            "lugar seguro."
        ),
        "listing_summary": (
            "Ayuda y protección para personas migrantes y desplazadas en los países de origen, "
            "tránsito y destino."
        ),
        "body": [
            (
                "intro",
                rich(
                    "La migración es a la vez causa y consecuencia de muchos de los mayores "
                    "desafíos humanitarios de nuestro tiempo. En todas las regiones, las "
                    "personas en movimiento corren graves riesgos, y esos riesgos son mayores "
                    "para quienes ya son vulnerables."
                ),
            ),
            (
                "paragraph",
                rich(
                    "No hay una única razón que explique por qué las personas dejan su hogar. "
                    "Algunas huyen de la persecución, los conflictos o la violencia; otras "
                    "escapan de violaciones de sus derechos, de la pobreza o de la falta de "
                    "trabajo; otras se ven expulsadas por desastres naturales y, cada vez más, "
                    "por el cambio climático. Muchas cruzan fronteras para encontrar empleo. "
                    "Para la mayoría, se suman varias de estas presiones a la vez.",
                    "La FICR trabaja desde hace mucho tiempo junto a las personas migrantes. "
                    "Las Sociedades Nacionales de la Cruz Roja y de la Media Luna Roja ayudan a "
                    "personas refugiadas y solicitantes de asilo, víctimas de trata, "
                    "trabajadores migrantes y niños que viajan solos. Ofrecen primeros auxilios, "
                    "acceso a la atención de salud y otros servicios esenciales a quienes más lo "
                    "necesitan y, con el Comité Internacional de la Cruz Roja (CICR), ayudan a "
                    "las familias separadas a reencontrarse mediante los servicios de "
                    "restablecimiento del contacto entre familiares (RCF).",
                ),
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {"label": "países donde trabaja una Sociedad Nacional", "source": "FICR"},
                        {
                            "number": "17 millones",
                            "label": "de voluntarios, aproximadamente",
                            "source": "FICR",
                        },
                    ],
                },
            ),
            (
                "paragraph",
                rich(
                    "Como nuestra red está presente tanto en los países de origen como en los de "
                    "tránsito y destino, podemos apoyar a las personas migrantes en cada etapa "
                    "del camino. La acción local, repetida en todo el mundo, nos permite "
                    "prevenir el sufrimiento, defender los derechos y la dignidad de las "
                    "personas migrantes y ayudar a las sociedades de acogida a beneficiarse de "
                    "la migración mediante programas de inclusión social.",
                    "Las opiniones sobre la migración están cada vez más divididas. La FICR "
                    "trabaja para acercar a las personas migrantes y a las comunidades de "
                    "acogida, de modo que se comprendan mejor y ganen resiliencia, como "
                    "personas y como comunidades.",
                ),
            ),
            (
                "feature_cards",
                {
                    "heading": "Nuestro trabajo en migración",
                    "cards": [
                        {
                            "title": "Políticas y estrategia",
                            "text": (
                                "Una buena política permite al Movimiento y a las Sociedades "
                                "Nacionales abordar las cuestiones de las que depende que se "
                                "atiendan las necesidades de las personas migrantes y "
                                "desplazadas."
                            ),
                            "link": {"text": "Conocer nuestro trabajo en políticas"},
                        },
                        {
                            "title": "Asistencia e información",
                            "text": (
                                "Ayudamos a las Sociedades Nacionales a asistir a las personas "
                                "migrantes sea cual sea su situación jurídica, empezando por "
                                "las necesidades más urgentes. Una aplicación web les ofrece "
                                "información fiable cuando son más vulnerables, como parte de "
                                "nuestro trabajo de participación comunitaria y rendición de "
                                "cuentas."
                            ),
                            "link": {"text": "Ver el cartel de la línea de ayuda"},
                        },
                        {
                            "title": "Prácticas inteligentes",
                            "text": (
                                "En el sitio de prácticas inteligentes de la FICR, socios "
                                "humanitarios y gobiernos comparan lecciones, conocimientos y "
                                "experiencia sobre migración, en apoyo de un enfoque mundial "
                                "para salvar vidas."
                            ),
                            "link": {"text": "Explorar la biblioteca de recursos"},
                        },
                    ],
                },
            ),
            (
                "story_callout",
                {
                    "question": (
                        "¿Qué harías si la guerra llegara a tu ciudad? ¿Si la única forma de "
                        "proteger a tu familia fuera arriesgar su vida en un barco de noche, sin "
                        "camino de vuelta?"
                    ),
                    "text": "Detrás de cada cifra y de cada debate hay miles de historias.",
                    "image": alt(
                        "Ilustración de personas que caminan al atardecer hacia tiendas en las "
                        "colinas"
                    ),
                    "link": {"text": "Leer sus historias"},
                },
            ),
            ("latest_news", {"heading": "Noticias relacionadas"}),
            (
                "latest_resources",
                {"heading": "Novedades de la biblioteca de recursos sobre migración"},
            ),
            ("case_studies", {"heading": "Estudios de caso"}),
        ],
    },
    "ar": {
        "title": "الهجرة",
        "strapline": (
            "الاستجابة للاحتياجات الإنسانية واحتياجات الحماية لدى المهاجرين والنازحين، أينما "
            "كانوا في رحلتهم."
        ),
        "hero_caption": "كثيرًا ما تمضي الأسر المتنقلة شهورًا على الطريق قبل أن تجد الأمان.",
        "listing_summary": (
            "المساعدة والحماية للمهاجرين والنازحين في بلدان المنشأ والعبور والمقصد."
        ),
        "body": [
            (
                "intro",
                rich(
                    "الهجرة سبب ونتيجة في آن واحد لكثير من أكبر التحديات الإنسانية في عصرنا. ففي "
                    "كل المناطق يواجه الأشخاص المتنقلون مخاطر جسيمة، وتشتد هذه المخاطر على من "
                    "هم مستضعفون أصلًا."
                ),
            ),
            (
                "paragraph",
                rich(
                    "لا يوجد سبب واحد يفسر مغادرة الناس ديارهم. فبعضهم يفر من الاضطهاد أو النزاع "
                    "أو العنف، وبعضهم يهرب من انتهاك حقوقه أو من الفقر أو من انعدام العمل، "
                    "وآخرون تطردهم الكوارث الطبيعية، وعلى نحو متزايد تغيّر المناخ. ويعبر كثيرون "
                    "الحدود بحثًا عن عمل. ويجتمع على معظم الناس أكثر من ضغط من هذه الضغوط في "
                    "وقت واحد.",
                    "يعمل الاتحاد الدولي منذ زمن طويل إلى جانب المهاجرين. فالجمعيات الوطنية "
                    "للصليب الأحمر والهلال الأحمر تساعد اللاجئين وطالبي اللجوء وضحايا الاتجار "
                    "بالبشر والعمال المهاجرين والأطفال الذين يسافرون وحدهم. وتقدم الإسعافات "
                    "الأولية والرعاية الصحية وغيرها من الخدمات الأساسية لمن هم في أمسّ الحاجة "
                    "إليها، وتساعد مع اللجنة الدولية للصليب الأحمر الأسر المشتتة على لمّ شملها "
                    "من خلال خدمات إعادة الروابط العائلية.",
                ),
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {"label": "بلدًا تعمل فيها جمعية وطنية", "source": "الاتحاد الدولي"},
                        {
                            "number": "17 مليون",
                            "label": "متطوع تقريبًا",
                            "source": "الاتحاد الدولي",
                        },
                    ],
                },
            ),
            (
                "paragraph",
                rich(
                    "ولأن شبكتنا حاضرة في بلدان المنشأ والعبور والمقصد على السواء، فإننا نستطيع "
                    "دعم المهاجرين في كل مرحلة من مراحل الطريق. ويتيح لنا العمل المحلي، المتكرر "
                    "في أنحاء العالم، أن نمنع المعاناة وأن ندافع عن حقوق المهاجرين وكرامتهم، وأن "
                    "نساعد المجتمعات المضيفة على الاستفادة من الهجرة من خلال برامج الإدماج "
                    "الاجتماعي.",
                    "تتزايد الانقسامات في الآراء حول الهجرة. ويعمل الاتحاد الدولي على التقريب بين "
                    "المهاجرين والمجتمعات المضيفة، حتى يفهم كل منهما الآخر ويصبحا أكثر قدرة على "
                    "الصمود، أفرادًا ومجتمعات.",
                ),
            ),
            (
                "feature_cards",
                {
                    "heading": "عملنا في مجال الهجرة",
                    "cards": [
                        {
                            "title": "السياسات والاستراتيجية",
                            "text": (
                                "تمكّن السياسات الجيدة الحركة والجمعيات الوطنية من معالجة "
                                "القضايا التي تحدد ما إذا كانت احتياجات المهاجرين والنازحين "
                                "ستُلبّى."
                            ),
                            "link": {"text": "اقرأ عن عملنا في مجال السياسات"},
                        },
                        {
                            "title": "المساعدة والمعلومات",
                            "text": (
                                "نساعد الجمعيات الوطنية على مساعدة المهاجرين أيًّا كان وضعهم "
                                "القانوني، بدءًا بالاحتياجات الأكثر إلحاحًا. ويقدّم تطبيق على "
                                "الإنترنت معلومات موثوقة للمهاجرين حين يكونون في أشد حالات "
                                "الضعف، في إطار عملنا في مجال المشاركة المجتمعية والمساءلة."
                            ),
                            "link": {"text": "شاهد ملصق الخط الساخن"},
                        },
                        {
                            "title": "الممارسات الذكية",
                            "text": (
                                "على موقع الممارسات الذكية للاتحاد الدولي، يتبادل الشركاء "
                                "الإنسانيون والحكومات الدروس والمعارف والخبرات في مجال الهجرة، "
                                "دعمًا لنهج عالمي لإنقاذ الأرواح."
                            ),
                            "link": {"text": "تصفح مكتبة الموارد"},
                        },
                    ],
                },
            ),
            (
                "story_callout",
                {
                    "question": (
                        "ماذا كنت ستفعل لو وصلت الحرب إلى مدينتك؟ لو كان السبيل الوحيد لحماية "
                        "أسرتك أن تعرّض حياتها للخطر على متن قارب في الليل، بلا طريق للعودة؟"
                    ),
                    "text": "وراء كل رقم وكل نقاش آلاف من قصص البشر.",
                    "image": alt("رسم توضيحي لأشخاص يسيرون عند الغروب نحو خيام على التلال"),
                    "link": {"text": "اقرأ قصصهم"},
                },
            ),
            ("latest_news", {"heading": "أخبار ذات صلة"}),
            ("latest_resources", {"heading": "أحدث الإضافات إلى مكتبة موارد الهجرة"}),
            ("case_studies", {"heading": "دراسات حالة"}),
        ],
    },
}


# Immunization ---------------------------------------------------------------------------------

_ACTIVITIES = {
    "fr": [
        (
            "Campagnes de vaccination et mobilisation sociale",
            "Des volontaires de la Croix-Rouge philippine font du porte-à-porte dans le Grand "
            "Manille et à Mindanao pour soutenir la campagne gouvernementale contre la polio, "
            "afin que chaque enfant de moins de cinq ans reçoive le vaccin oral.",
            "Illustration de personnes marchant dans une rue bordée d’immeubles",
        ),
        (
            "Engagement communautaire",
            "Dans un village à la frontière entre la Sierra Leone et le Libéria, des volontaires "
            "de la Croix-Rouge parlent d’Ebola avec les habitants, pour en arrêter la "
            "propagation et combattre la stigmatisation qui l’entoure.",
            "Illustration d’un groupe de personnes debout, ensemble, dans un village",
        ),
        (
            "Surveillance à base communautaire",
            "Une volontaire de la Croix-Rouge guinéenne rend visite à une famille à Klalantou, "
            "dans la région de Forécariah, lors d’un porte-à-porte pour sensibiliser à Ebola et "
            "repérer les nouveaux cas.",
            "Illustration d’un groupe de personnes réunies devant des maisons de village, près "
            "d’un grand arbre",
        ),
        (
            "Cliniques mobiles",
            "Un médecin du Croissant-Rouge arabe syrien examine un bébé dans une clinique "
            "mobile, garée à l’un de ses arrêts habituels près d’une école, juste au sud de "
            "Damas.",
            "Illustration d’un poste de santé, avec quelques personnes qui attendent sous un "
            "auvent",
        ),
        (
            "Riposte aux épidémies",
            "En 2005, la Croix-Rouge américaine a travaillé avec des communautés du Bangladesh "
            "à une vaste campagne de vaccination contre la rougeole.",
            "Illustration de personnes faisant la queue devant un centre de santé",
        ),
        (
            "Vaccination dans les situations d’urgence",
            "Dans un village rural du Somaliland, un volontaire de la Société du Croissant-Rouge "
            "de Somalie administre le vaccin oral contre la polio à une petite fille.",
            "Illustration de montagnes enneigées au-dessus d’un lac, avec des arbres sur la rive",
        ),
    ],
    "es": [
        (
            "Campañas de vacunación y movilización social",
            "Voluntarios de la Cruz Roja Filipina van de puerta en puerta en Metro Manila y "
            "Mindanao para apoyar la campaña del gobierno contra la poliomielitis, de modo que "
            "cada niño menor de cinco años reciba la vacuna oral.",
            "Ilustración de personas que caminan por una calle bordeada de bloques de viviendas",
        ),
        (
            "Participación comunitaria",
            "En una aldea de la frontera entre Sierra Leona y Liberia, voluntarios de la Cruz "
            "Roja hablan del ébola con los vecinos, para frenar su propagación y combatir el "
            "estigma que lo rodea.",
            "Ilustración de un grupo de personas de pie, juntas, en una aldea",
        ),
        (
            "Vigilancia comunitaria",
            "Una voluntaria de la Cruz Roja de Guinea visita a una familia en Klalantou, en la "
            "región de Forécariah, durante una campaña puerta a puerta para sensibilizar sobre "
            "el ébola y detectar nuevos casos.",
            "Ilustración de un grupo de personas reunidas frente a casas de una aldea, junto a un "
            "gran árbol",
        ),
        (
            "Clínicas móviles",
            "Un médico de la Media Luna Roja Árabe Siria revisa la salud de un bebé en una "
            "clínica móvil, estacionada en una de sus paradas habituales junto a una escuela, "
            "al sur de Damasco.",
            "Ilustración de un puesto de salud, con algunas personas que esperan bajo un toldo",
        ),
        (
            "Respuesta a brotes",
            "En 2005, la Cruz Roja Americana trabajó con comunidades de Bangladesh en una "
            "campaña masiva de vacunación contra el sarampión.",
            "Ilustración de personas haciendo fila frente a un centro de salud",
        ),
        (
            "Vacunación en emergencias",
            "En una aldea rural de Somalilandia, un voluntario de la Sociedad de la Media Luna "
            "Roja Somalí administra la vacuna oral contra la poliomielitis a una niña.",
            "Ilustración de montañas nevadas sobre un lago, con árboles en la orilla",
        ),
    ],
    "ar": [
        (
            "حملات التطعيم والتعبئة الاجتماعية",
            "يطرق متطوعو الصليب الأحمر الفلبيني الأبواب بابًا بابًا في مانيلا الكبرى ومينداناو "
            "دعمًا لحملة الحكومة ضد شلل الأطفال، كي يحصل كل طفل دون الخامسة على اللقاح الفموي.",
            "رسم توضيحي لأشخاص يسيرون في شارع تصطف على جانبيه عمارات سكنية",
        ),
        (
            "المشاركة المجتمعية",
            "في قرية على الحدود بين سيراليون وليبيريا، يتحدث متطوعو الصليب الأحمر مع السكان عن "
            "الإيبولا، لوقف انتشارها ومواجهة الوصمة المحيطة بها.",
            "رسم توضيحي لمجموعة من الناس يقفون معًا في قرية",
        ),
        (
            "الترصّد المجتمعي",
            "متطوعة من جمعية الصليب الأحمر الغيني تزور أسرة في كلالانتو بمنطقة فوريكارياه، "
            "خلال زيارات من بيت إلى بيت للتوعية بالإيبولا ورصد الحالات الجديدة.",
            "رسم توضيحي لمجموعة من الناس مجتمعين أمام بيوت قرية، بجوار شجرة كبيرة",
        ),
        (
            "العيادات المتنقلة",
            "طبيب من الهلال الأحمر العربي السوري يفحص رضيعًا في عيادة متنقلة، متوقفة في إحدى "
            "محطاتها المعتادة بجوار مدرسة جنوب دمشق مباشرة.",
            "رسم توضيحي لمركز صحي وبضعة أشخاص ينتظرون تحت مظلة بجواره",
        ),
        (
            "الاستجابة للأوبئة",
            "في عام 2005، عمل الصليب الأحمر الأمريكي مع المجتمعات المحلية في بنغلاديش في حملة "
            "تطعيم واسعة ضد الحصبة.",
            "رسم توضيحي لأشخاص يقفون في طابور أمام مركز صحي",
        ),
        (
            "التطعيم في حالات الطوارئ",
            "في قرية ريفية في أرض الصومال، يعطي متطوع من جمعية الهلال الأحمر الصومالي طفلة "
            "صغيرة لقاح شلل الأطفال الفموي.",
            "رسم توضيحي لجبال مكسوة بالثلوج فوق بحيرة، وأشجار على الضفة",
        ),
    ],
}


def _activities(language):
    return [
        {"title": title, "caption": caption, "image": alt(text)}
        for title, caption, text in _ACTIVITIES[language]
    ]


IMMUNIZATION = {
    "fr": {
        "title": "Vaccination",
        "strapline": (
            "Apporter des vaccins qui sauvent des vies aux communautés vulnérables et isolées, "
            "avec les 192 Sociétés nationales de la Fédération."
        ),
        "hero_caption": "Les volontaires apportent la vaccination jusqu’au dernier kilomètre.",
        "listing_summary": (
            "Des vaccins pour chaque enfant : campagnes, actions de proximité et confiance dans "
            "les communautés les plus difficiles à atteindre."
        ),
        "body": [
            (
                "intro",
                rich(
                    "La vaccination est le socle de communautés en bonne santé. Depuis certains "
                    "des endroits les plus difficiles du monde, la FICR soutient ses 192 Sociétés "
                    "nationales qui apportent les vaccins aux personnes vulnérables ou isolées ; "
                    "leurs volontaires parcourent le dernier kilomètre pour que chaque enfant, "
                    "partout, soit protégé et vive longtemps en bonne santé."
                ),
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {
                            "number": "20 millions",
                            "label": (
                                "d’enfants privés chaque année des vaccins de routine du "
                                "nourrisson, selon les estimations"
                            ),
                            "source": "FICR",
                        },
                        {"label": "Sociétés nationales soutenues par la FICR", "source": "FICR"},
                    ],
                },
            ),
            (
                "paragraph",
                rich(
                    "La plupart des enfants qui ne reçoivent pas leurs vaccins de routine vivent "
                    "dans des communautés fragiles, touchées par des conflits ou vulnérables à "
                    "d’autres égards, où les services de vaccination sont rares. Même là où les "
                    "vaccins sont disponibles, la désinformation et la méfiance croissantes "
                    "retiennent de nombreux parents de faire vacciner leurs enfants, et les "
                    "maladies et décès évitables ont augmenté en conséquence.",
                    "Les Sociétés de la Croix-Rouge et du Croissant-Rouge mènent leur travail de "
                    "vaccination au niveau local. Nos volontaires formés font partie des "
                    "communautés qu’ils servent : même les personnes isolées et marginalisées "
                    "leur font confiance.",
                    "Nous adaptons notre action à chaque lieu. Certaines Sociétés nationales "
                    "vaccinent directement ou intègrent la vaccination aux soins de santé "
                    "primaires ; d’autres suscitent la demande de vaccins dans leurs communautés "
                    "ou aident à renforcer les systèmes de santé locaux. Dans les crises et les "
                    "conflits, leur rôle d’auxiliaire et leur présence locale leur permettent de "
                    "relier les communautés aux services de santé officiels.",
                ),
            ),
            (
                "activity_cards",
                {"heading": "Nos activités de vaccination", "cards": _activities("fr")},
            ),
            (
                "video",
                {
                    "title": "À voir : #vaccineswork",
                    "caption": (
                        "Des volontaires expliquent pourquoi les vaccins comptent pour leurs "
                        "communautés."
                    ),
                    "poster": alt(
                        "Illustration d’un poste de santé et de personnes qui attendent sous un "
                        "auvent"
                    ),
                },
            ),
            (
                "numbered_list",
                {
                    "heading": "Vaccins contre la COVID-19",
                    "intro": rich(
                        "Les Sociétés de la Croix-Rouge et du Croissant-Rouge sont restées en "
                        "première ligne de la riposte mondiale à la pandémie de COVID-19. Début "
                        "2021, le Mouvement international de la Croix-Rouge et du Croissant-Rouge "
                        "a lancé un plan en cinq points pour préparer et introduire les vaccins "
                        "contre la COVID-19 dans le monde entier :"
                    ),
                    "items": [
                        "<p><b>Plaider</b> pour un accès juste et équitable aux vaccins contre "
                        "la COVID-19.</p>",
                        "<p><b>Confiance :</b> renforcer la confiance des communautés dans les "
                        "vaccins contre la COVID-19 et leur acceptation, et aider chacun à "
                        "savoir à quoi s’attendre.</p>",
                        "<p><b>Santé :</b> soutenir l’administration des vaccins dans les "
                        "structures de santé et par des actions de proximité.</p>",
                        "<p><b>Atteindre les plus vulnérables</b>, avant tout les habitants des "
                        "bidonvilles et des zones rurales isolées, les migrants, les personnes "
                        "sans abri et les personnes touchées par les conflits, la violence et "
                        "les catastrophes.</p>",
                        "<p><b>Maintenir et renforcer</b> les autres services de vaccination, "
                        "dont la vaccination de routine et les campagnes contre d’autres "
                        "maladies, en accordant une attention particulière aux communautés "
                        "zéro dose et sous-vaccinées.</p>",
                    ],
                    "closing": rich("L’<a>annexe Vaccination</a> présente le plan en détail."),
                },
            ),
            (
                "contact",
                {
                    "heading": "Travailler avec l’équipe Vaccination",
                    "text": rich(
                        "Le personnel des Sociétés nationales qui souhaite recevoir nos derniers "
                        "outils pour introduire les vaccins contre la COVID-19, ou rejoindre "
                        "l’un de nos groupes de travail sur la vaccination, peut contacter "
                        "l’équipe Vaccination."
                    ),
                    "team": "Équipe Vaccination, FICR",
                },
            ),
            (
                "links",
                {
                    "heading": "Autres ressources sur la vaccination contre la COVID-19",
                    "links": [
                        {
                            "text": "Annexe Vaccination",
                            "description": (
                                "Le plan en cinq points pour les vaccins contre la COVID-19, "
                                "en entier."
                            ),
                        },
                        {
                            "text": "Recueil de ressources COVID-19",
                            "description": (
                                "Les ressources sur la vaccination rassemblées dans le recueil "
                                "de ressources COVID-19 de la FICR."
                            ),
                        },
                    ],
                },
            ),
            ("case_studies", {"heading": "Notre impact : études de cas sur la vaccination"}),
            ("latest_resources", {"heading": "Documents liés"}),
            (
                "partnerships",
                {
                    "heading": "Nos partenariats et notre plaidoyer",
                    "intro": rich(
                        "Aucune organisation ne peut combler seule le déficit de vaccination. "
                        "La FICR travaille avec des partenaires de la santé mondiale et fait "
                        "entendre la voix des communautés que les programmes de vaccination "
                        "n’atteignent toujours pas."
                    ),
                    "partners": [
                        {
                            "name": "Gavi, l’Alliance du vaccin",
                            "description": "Atteindre ensemble les communautés sous-vaccinées.",
                        },
                        {
                            "name": "Organisation mondiale de la Santé",
                            "description": (
                                "Orientations techniques pour les programmes nationaux de "
                                "vaccination."
                            ),
                        },
                        {
                            "name": "UNICEF",
                            "description": (
                                "Approvisionnement en vaccins et engagement communautaire."
                            ),
                        },
                        {
                            "name": "Initiative mondiale pour l’éradication de la poliomyélite",
                            "description": (
                                "Planifier le transfert des moyens de lutte contre la polio aux "
                                "programmes nationaux."
                            ),
                        },
                    ],
                },
            ),
        ],
    },
    "es": {
        "title": "Inmunización",
        "strapline": (
            "Llevamos vacunas que salvan vidas a comunidades vulnerables y aisladas, con las 192 "
            "Sociedades Nacionales de la Federación."
        ),
        "hero_caption": "Los voluntarios llevan la vacunación hasta el último kilómetro.",
        "listing_summary": (
            "Vacunas para cada niño: campañas, trabajo de proximidad y confianza en las "
            "comunidades más difíciles de alcanzar."
        ),
        "body": [
            (
                "intro",
                rich(
                    "La inmunización es la base de comunidades sanas. Desde algunos de los "
                    "lugares más difíciles del mundo, la FICR apoya a sus 192 Sociedades "
                    "Nacionales para que lleven las vacunas a las personas vulnerables o "
                    "aisladas; sus voluntarios recorren el último kilómetro para que cada niño, "
                    "en cualquier lugar, esté protegido y tenga una vida larga y sana."
                ),
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {
                            "number": "20 millones",
                            "label": (
                                "de niños se quedan cada año sin las vacunas infantiles de "
                                "rutina, según las estimaciones"
                            ),
                            "source": "FICR",
                        },
                        {"label": "Sociedades Nacionales apoyadas por la FICR", "source": "FICR"},
                    ],
                },
            ),
            (
                "paragraph",
                rich(
                    "La mayoría de los niños que no reciben sus vacunas de rutina viven en "
                    "comunidades frágiles, afectadas por conflictos o vulnerables por otros "
                    "motivos, donde los servicios de vacunación escasean. Incluso donde hay "
                    "vacunas, la creciente desinformación y la desconfianza hacen que muchos "
                    "padres no vacunen a sus hijos, y las enfermedades y muertes prevenibles han "
                    "aumentado como consecuencia.",
                    "Las Sociedades de la Cruz Roja y de la Media Luna Roja realizan su labor de "
                    "inmunización a nivel local. Nuestros voluntarios capacitados pertenecen a "
                    "las comunidades a las que sirven, por lo que incluso las personas más "
                    "aisladas y marginadas confían en ellos.",
                    "Adaptamos lo que hacemos a cada lugar. Algunas Sociedades Nacionales vacunan "
                    "directamente o integran la vacunación en la atención primaria de salud; "
                    "otras generan demanda de vacunas en sus comunidades o ayudan a reforzar los "
                    "sistemas de salud locales. En crisis y conflictos, su función auxiliar y su "
                    "presencia local les permiten conectar a las comunidades con los servicios "
                    "de salud formales.",
                ),
            ),
            (
                "activity_cards",
                {"heading": "Nuestras actividades de inmunización", "cards": _activities("es")},
            ),
            (
                "video",
                {
                    "title": "Mira: #vaccineswork",
                    "caption": (
                        "Voluntarios explican por qué las vacunas son importantes para sus "
                        "comunidades."
                    ),
                    "poster": alt(
                        "Ilustración de un puesto de salud y de personas que esperan bajo un toldo"
                    ),
                },
            ),
            (
                "numbered_list",
                {
                    "heading": "Vacunas contra la COVID-19",
                    "intro": rich(
                        "Las Sociedades de la Cruz Roja y de la Media Luna Roja han seguido en "
                        "primera línea de la respuesta mundial a la pandemia de COVID-19. A "
                        "comienzos de 2021, el Movimiento Internacional de la Cruz Roja y de la "
                        "Media Luna Roja puso en marcha un plan de cinco puntos para preparar e "
                        "introducir las vacunas contra la COVID-19 en todo el mundo:"
                    ),
                    "items": [
                        "<p><b>Abogar</b> por un acceso justo y equitativo a las vacunas contra "
                        "la COVID-19.</p>",
                        "<p><b>Confianza:</b> fortalecer la confianza de las comunidades en las "
                        "vacunas contra la COVID-19 y su aceptación, y ayudar a las personas a "
                        "saber qué esperar.</p>",
                        "<p><b>Salud:</b> apoyar la administración de vacunas en los centros de "
                        "salud y mediante el trabajo de proximidad.</p>",
                        "<p><b>Llegar a los más vulnerables</b>, sobre todo a quienes viven en "
                        "barrios marginales urbanos y zonas rurales remotas, personas migrantes, "
                        "personas sin hogar y personas afectadas por conflictos, violencia y "
                        "desastres.</p>",
                        "<p><b>Mantener y reforzar</b> otros servicios de inmunización, como la "
                        "vacunación de rutina y las campañas contra otras enfermedades, con "
                        "especial atención a las comunidades con dosis cero y con baja "
                        "cobertura de vacunación.</p>",
                    ],
                    "closing": rich("El <a>anexo de inmunización</a> explica el plan en detalle."),
                },
            ),
            (
                "contact",
                {
                    "heading": "Trabajar con el equipo de inmunización",
                    "text": rich(
                        "El personal de las Sociedades Nacionales que desee nuestras últimas "
                        "herramientas para introducir las vacunas contra la COVID-19, o que "
                        "quiera unirse a uno de nuestros grupos de trabajo sobre inmunización, "
                        "puede ponerse en contacto con el equipo de inmunización."
                    ),
                    "team": "Equipo de inmunización, FICR",
                },
            ),
            (
                "links",
                {
                    "heading": "Más recursos sobre la vacunación contra la COVID-19",
                    "links": [
                        {
                            "text": "Anexo de inmunización",
                            "description": (
                                "El plan de cinco puntos para las vacunas contra la COVID-19, "
                                "completo."
                            ),
                        },
                        {
                            "text": "Compendio de recursos sobre la COVID-19",
                            "description": (
                                "Recursos sobre vacunación reunidos en el Compendio de recursos "
                                "sobre la COVID-19 de la FICR."
                            ),
                        },
                    ],
                },
            ),
            ("case_studies", {"heading": "Nuestro impacto: estudios de caso sobre inmunización"}),
            ("latest_resources", {"heading": "Documentos relacionados"}),
            (
                "partnerships",
                {
                    "heading": "Nuestras alianzas e incidencia",
                    "intro": rich(
                        "Ninguna organización puede cerrar sola la brecha de inmunización. La "
                        "FICR trabaja con socios de la salud mundial y da voz a las comunidades "
                        "a las que los programas de vacunación todavía no llegan."
                    ),
                    "partners": [
                        {
                            "name": "Gavi, la Alianza para las Vacunas",
                            "description": "Llegar juntos a las comunidades poco vacunadas.",
                        },
                        {
                            "name": "Organización Mundial de la Salud",
                            "description": (
                                "Orientación técnica para los programas nacionales de inmunización."
                            ),
                        },
                        {
                            "name": "UNICEF",
                            "description": "Suministro de vacunas y participación comunitaria.",
                        },
                        {
                            "name": "Iniciativa de Erradicación Mundial de la Poliomielitis",
                            "description": (
                                "Planificar el traspaso de los recursos contra la polio a los "
                                "programas nacionales."
                            ),
                        },
                    ],
                },
            ),
        ],
    },
    "ar": {
        "title": "التحصين",
        "strapline": (
            "إيصال اللقاحات المنقذة للحياة إلى المجتمعات المستضعفة والمعزولة، مع الجمعيات "
            "الوطنية الأعضاء في الاتحاد الدولي وعددها 192 جمعية."
        ),
        "hero_caption": "يحمل المتطوعون خدمات التطعيم حتى الميل الأخير.",
        "listing_summary": (
            "لقاحات لكل طفل: حملات وتواصل ميداني وبناء الثقة في المجتمعات التي يصعب الوصول "
            "إليها أكثر من غيرها."
        ),
        "body": [
            (
                "intro",
                rich(
                    "التحصين أساس المجتمعات السليمة. فمن بعض أصعب الأماكن في العالم، يدعم "
                    "الاتحاد الدولي جمعياته الوطنية البالغ عددها 192 جمعية وهي توصل اللقاحات "
                    "إلى المستضعفين والمعزولين، ويقطع متطوعوها الميل الأخير كي يحظى كل طفل، في "
                    "كل مكان، بالحماية وبحياة طويلة وصحية."
                ),
            ),
            (
                "key_figures",
                {
                    "figures": [
                        {
                            "number": "20 مليون",
                            "label": "طفل يفوتهم سنويًا التطعيم الروتيني للرضّع، حسب التقديرات",
                            "source": "الاتحاد الدولي",
                        },
                        {
                            "label": "جمعية وطنية يدعمها الاتحاد الدولي",
                            "source": "الاتحاد الدولي",
                        },
                    ],
                },
            ),
            (
                "paragraph",
                rich(
                    "يعيش معظم الأطفال الذين لا يحصلون على لقاحاتهم الروتينية في مجتمعات هشة أو "
                    "متأثرة بالنزاعات أو مستضعفة لأسباب أخرى، حيث خدمات التطعيم قليلة. وحتى حيث "
                    "تتوافر اللقاحات، يمنع تزايدُ المعلومات المضللة وانعدامُ الثقة كثيرًا من "
                    "الآباء والأمهات من تطعيم أطفالهم، فارتفعت نتيجة لذلك الأمراض والوفيات التي "
                    "يمكن الوقاية منها.",
                    "تنفذ جمعيات الصليب الأحمر والهلال الأحمر أعمال التحصين على المستوى المحلي. "
                    "فمتطوعونا المدرَّبون ينتمون إلى المجتمعات التي يخدمونها، ولذلك يثق بهم حتى "
                    "الأشخاص المعزولون والمهمَّشون.",
                    "نكيّف عملنا مع كل مكان. فبعض الجمعيات الوطنية تقدم التطعيم مباشرة أو تدمجه "
                    "في الرعاية الصحية الأولية، وبعضها الآخر يعزز الطلب على اللقاحات في مجتمعاته "
                    "أو يساعد على تقوية النظم الصحية المحلية. وفي الأزمات والنزاعات، يتيح لها "
                    "دورها المساند للسلطات العامة وحضورها المحلي أن تربط المجتمعات بالخدمات "
                    "الصحية الرسمية.",
                ),
            ),
            (
                "activity_cards",
                {"heading": "أنشطتنا في مجال التحصين", "cards": _activities("ar")},
            ),
            (
                "video",
                {
                    "title": "شاهد: ‎#vaccineswork",
                    "caption": "متطوعون يشرحون لماذا تهمّ اللقاحات مجتمعاتهم.",
                    "poster": alt("رسم توضيحي لمركز صحي وأشخاص ينتظرون تحت مظلة"),
                },
            ),
            (
                "numbered_list",
                {
                    "heading": "لقاحات كوفيد-19",
                    "intro": rich(
                        "ظلت جمعيات الصليب الأحمر والهلال الأحمر في الصفوف الأولى للاستجابة "
                        "العالمية لجائحة كوفيد-19. وفي مطلع عام 2021 أطلقت الحركة الدولية "
                        "للصليب الأحمر والهلال الأحمر خطة من خمس نقاط للاستعداد للقاحات "
                        "كوفيد-19 وإدخالها في أنحاء العالم:"
                    ),
                    "items": [
                        "<p><b>المناصرة</b> من أجل حصول عادل ومنصف على لقاحات كوفيد-19.</p>",
                        "<p><b>الثقة:</b> بناء ثقة المجتمعات بلقاحات كوفيد-19 وتقبّلها، "
                        "ومساعدة الناس على معرفة ما يمكن توقعه.</p>",
                        "<p><b>الصحة:</b> دعم إعطاء اللقاحات في المرافق الصحية ومن خلال "
                        "التواصل الميداني.</p>",
                        "<p><b>الوصول إلى الأكثر ضعفًا</b>، ولا سيما سكان الأحياء العشوائية في "
                        "المدن والمناطق الريفية النائية، والمهاجرون، والمشردون، والمتضررون من "
                        "النزاعات والعنف والكوارث.</p>",
                        "<p><b>الحفاظ على</b> خدمات التحصين الأخرى <b>وتعزيزها</b>، ومنها "
                        "التحصين الروتيني والحملات ضد أمراض أخرى، مع اهتمام خاص بالمجتمعات "
                        "التي لم يتلقَّ أطفالها أي جرعة أو تلقّوا جرعات ناقصة.</p>",
                    ],
                    "closing": rich("يشرح <a>ملحق التحصين</a> الخطة بمزيد من التفصيل."),
                },
            ),
            (
                "contact",
                {
                    "heading": "العمل مع فريق التحصين",
                    "text": rich(
                        "يمكن لموظفي الجمعيات الوطنية الراغبين في الحصول على أحدث أدواتنا لإدخال "
                        "لقاحات كوفيد-19، أو في الانضمام إلى أحد أفرقة العمل المعنية بالتحصين، "
                        "التواصل مع فريق التحصين."
                    ),
                    "team": "فريق التحصين، الاتحاد الدولي",
                },
            ),
            (
                "links",
                {
                    "heading": "مزيد من الموارد عن التطعيم ضد كوفيد-19",
                    "links": [
                        {
                            "text": "ملحق التحصين",
                            "description": "الخطة الكاملة ذات النقاط الخمس للقاحات كوفيد-19.",
                        },
                        {
                            "text": "مجموعة موارد كوفيد-19",
                            "description": (
                                "موارد التطعيم مجمّعة في مجموعة موارد كوفيد-19 الصادرة عن "
                                "الاتحاد الدولي."
                            ),
                        },
                    ],
                },
            ),
            ("case_studies", {"heading": "أثرنا: دراسات حالة في مجال التحصين"}),
            ("latest_resources", {"heading": "وثائق ذات صلة"}),
            (
                "partnerships",
                {
                    "heading": "شراكاتنا ومناصرتنا",
                    "intro": rich(
                        "لا تستطيع منظمة واحدة أن تسد فجوة التحصين وحدها. ويعمل الاتحاد الدولي "
                        "مع شركاء الصحة العالمية ويرفع صوت المجتمعات التي ما زالت برامج "
                        "التطعيم لا تصل إليها."
                    ),
                    "partners": [
                        {
                            "name": "غافي، التحالف العالمي من أجل اللقاحات",
                            "description": "الوصول معًا إلى المجتمعات منخفضة التحصين.",
                        },
                        {
                            "name": "منظمة الصحة العالمية",
                            "description": "إرشادات تقنية لبرامج التحصين الوطنية.",
                        },
                        {
                            "name": "اليونيسف",
                            "description": "توفير اللقاحات والمشاركة المجتمعية.",
                        },
                        {
                            "name": "المبادرة العالمية لاستئصال شلل الأطفال",
                            "description": "التخطيط لنقل أصول برنامج شلل الأطفال إلى البرامج "
                            "الوطنية.",
                        },
                    ],
                },
            ),
        ],
    },
}


# Listings -------------------------------------------------------------------------------------

LISTINGS = {
    "news": {
        "fr": {
            "title": "Actualités",
            "intro": "Récits des Sociétés nationales et des personnes avec qui elles travaillent.",
        },
        "es": {
            "title": "Noticias",
            "intro": "Historias de las Sociedades Nacionales y de las personas con las que "
            "trabajan.",
        },
        "ar": {
            "title": "الأخبار",
            "intro": "قصص من الجمعيات الوطنية ومن الأشخاص الذين تعمل معهم.",
        },
    },
    "resources": {
        "fr": {
            "title": "Centre de ressources",
            "intro": "Rapports, évaluations, lignes directrices et affiches, à télécharger "
            "gratuitement.",
        },
        "es": {
            "title": "Biblioteca de recursos",
            "intro": "Informes, evaluaciones, directrices y carteles, de descarga gratuita.",
        },
        "ar": {
            "title": "مكتبة الموارد",
            "intro": "تقارير وتقييمات ومبادئ توجيهية وملصقات، متاحة للتنزيل مجانًا.",
        },
    },
    "case-studies": {
        "fr": {
            "title": "Études de cas",
            "intro": "Les Sociétés nationales décrivent leurs programmes avec leurs propres mots.",
        },
        "es": {
            "title": "Estudios de caso",
            "intro": "Las Sociedades Nacionales describen sus programas con sus propias palabras.",
        },
        "ar": {
            "title": "دراسات الحالة",
            "intro": "الجمعيات الوطنية تصف برامجها بكلماتها.",
        },
    },
}

PAGES = {"home": HOME, "migration": MIGRATION, "immunization": IMMUNIZATION, **LISTINGS}


# News stories ---------------------------------------------------------------------------------


def _story(title, city, summary, paragraphs, caption):
    return {
        "title": title,
        "city": city,
        "summary": summary,
        "hero_caption": caption,
        "body": [("paragraph", rich(*paragraphs))],
    }


NEWS_STORIES = {
    "thessaloniki-two-families-one-home": {
        "fr": _story(
            "À Thessalonique, deux familles qui ont fui la Syrie partagent enfin un foyer",
            "Thessalonique",
            "Après plus d’un an dans des abris temporaires, deux familles qui se sont "
            "rencontrées en fuyant la guerre en Syrie vivent désormais ensemble dans une vraie "
            "maison en ville.",
            [
                "La plupart des migrants arrivés en Grèce vivent depuis plus d’un an sous des "
                "tentes ou dans des conteneurs. Ces abris n’ont jamais été conçus pour durer, et "
                "ils deviennent difficiles à supporter dans la chaleur de l’été comme dans le "
                "froid de l’hiver.",
                "Salah, de Damas, et Abu Nidal, de Homs, sont deux Palestino-Syriens qui se sont "
                "rencontrés en Turquie, chacun ayant fui la guerre pour mettre sa famille à "
                "l’abri. Depuis cette rencontre, les deux foyers ne se sont plus quittés.",
                "Ils font partie des chanceux qui ont obtenu un vrai logement. Ils partagent "
                "aujourd’hui une maison de deux étages dans un quartier urbain de Thessalonique : "
                "Salah avec sa femme, qui attend un bébé, et sa belle-mère ; Abu Nidal avec sa "
                "femme, elle aussi enceinte, et leurs trois enfants.",
            ],
            "Les familles de Salah et d’Abu Nidal partagent désormais une maison à Thessalonique.",
        ),
        "es": _story(
            "En Salónica, dos familias que huyeron de Siria comparten por fin un hogar",
            "Salónica",
            "Tras más de un año en refugios temporales, dos familias que se conocieron huyendo "
            "de la guerra en Siria viven ahora juntas en una casa de verdad en la ciudad.",
            [
                "La mayoría de las personas migrantes que llegaron a Grecia llevan más de un año "
                "viviendo en tiendas o contenedores. Esos refugios nunca se pensaron para durar, "
                "y se vuelven difíciles de soportar con el calor del verano y el frío del "
                "invierno.",
                "Salah, de Damasco, y Abu Nidal, de Homs, son dos palestino-sirios que se "
                "conocieron en Turquía después de huir de la guerra para proteger a sus "
                "familias. Desde aquel encuentro, los dos hogares no se han separado.",
                "Están entre los afortunados que recibieron una vivienda digna. Hoy comparten "
                "una casa de dos plantas en una zona urbana de Salónica: Salah con su esposa, "
                "que espera un bebé, y su suegra; Abu Nidal con su esposa, también embarazada, "
                "y sus tres hijos.",
            ],
            "Las familias de Salah y Abu Nidal comparten ahora una casa en Salónica.",
        ),
        "ar": _story(
            "في سالونيك، أسرتان فرّتا من سوريا تتقاسمان بيتًا أخيرًا",
            "سالونيك",
            "بعد أكثر من عام في مأوى مؤقت، تعيش أسرتان تعارفتا أثناء الفرار من الحرب في سوريا "
            "معًا الآن في بيت حقيقي في المدينة.",
            [
                "يعيش معظم المهاجرين الذين وصلوا إلى اليونان منذ أكثر من عام في خيام أو حاويات. "
                "لم يُصمَّم هذا المأوى ليدوم، ويصبح احتماله صعبًا في حر الصيف وبرد الشتاء.",
                "صلاح من دمشق وأبو نضال من حمص فلسطينيان سوريان التقيا أول مرة في تركيا، بعد أن "
                "فرّ كل منهما من الحرب ليحمي أسرته. ومنذ ذلك اللقاء لم تفترق الأسرتان.",
                "وهما من المحظوظين الذين حصلوا على سكن لائق. فهما يتقاسمان اليوم بيتًا من "
                "طابقين في حي حضري من سالونيك: صلاح مع زوجته الحامل وحماته، وأبو نضال مع زوجته "
                "الحامل أيضًا وأطفالهما الثلاثة.",
            ],
            "أسرتا صلاح وأبو نضال تتقاسمان الآن بيتًا في سالونيك.",
        ),
    },
    "medenine-migrants-wait-to-go-home": {
        "fr": _story(
            "Médenine, étape pour les migrants qui rentrent de Libye",
            "Médenine",
            "Le comité de Médenine du Croissant-Rouge tunisien accueille 160 migrants revenus de "
            "Libye, qui attendent leurs papiers pour rentrer chez eux.",
            [
                "La ville de Médenine, dans le sud de la Tunisie, est devenue une étape pour les "
                "migrants qui rentrent de Libye après avoir échoué à traverser la Méditerranée "
                "vers l’Europe.",
                "Le comité local du Croissant-Rouge tunisien héberge actuellement 160 d’entre eux "
                "pendant qu’ils attendent les visas qui leur permettront de retourner dans leur "
                "pays.",
                "Abdoulie est l’un d’eux. Comme beaucoup de jeunes hommes venus de toute "
                "l’Afrique, il espérait rejoindre l’Europe et trouver un travail qui offrirait "
                "une vie meilleure à sa femme et à ses quatre enfants.",
            ],
            "Médenine est devenue une étape sur le chemin du retour depuis la Libye.",
        ),
        "es": _story(
            "Medenine: una parada para los migrantes que regresan de Libia",
            "Medenine",
            "La filial de la Media Luna Roja Tunecina en Medenine acoge a 160 migrantes que "
            "volvieron de Libia y esperan sus documentos para regresar a casa.",
            [
                "La ciudad de Medenine, en el sur de Túnez, se ha convertido en un punto de paso "
                "para los migrantes que vuelven de Libia tras fracasar en su intento de cruzar "
                "el Mediterráneo hacia Europa.",
                "La filial local de la Media Luna Roja Tunecina da refugio actualmente a 160 de "
                "ellos mientras esperan los visados que les permitirán regresar a sus países.",
                "Abdoulie es uno de ellos. Como muchos jóvenes de toda África, esperaba llegar a "
                "Europa y encontrar un trabajo que diera una vida mejor a su esposa y a sus "
                "cuatro hijos.",
            ],
            "Medenine se ha convertido en una parada en el camino de vuelta desde Libia.",
        ),
        "ar": _story(
            "مدنين: محطة للمهاجرين العائدين من ليبيا",
            "مدنين",
            "يستضيف فرع الهلال الأحمر التونسي في مدنين 160 مهاجرًا عادوا من ليبيا وينتظرون "
            "وثائقهم للعودة إلى بلدانهم.",
            [
                "أصبحت مدينة مدنين في جنوب تونس محطة في منتصف الطريق للمهاجرين العائدين من ليبيا "
                "بعد أن أخفقت محاولاتهم لعبور البحر الأبيض المتوسط إلى أوروبا.",
                "ويؤوي الفرع المحلي للهلال الأحمر التونسي حاليًا 160 منهم ريثما يحصلون على "
                "التأشيرات التي تتيح لهم العودة إلى بلدانهم.",
                "عبدولي واحد منهم. فمثل كثير من الشباب القادمين من أنحاء أفريقيا، كان يأمل أن "
                "يصل إلى أوروبا ويجد عملًا يوفر لزوجته وأطفاله الأربعة حياة أفضل.",
            ],
            "أصبحت مدنين محطة على طريق العودة من ليبيا.",
        ),
    },
    "philippines-door-to-door-polio": {
        "fr": _story(
            "Porte-à-porte contre la polio dans le Grand Manille et à Mindanao",
            "Manille",
            "Des volontaires de la Croix-Rouge philippine passent dans les foyers pour que chaque "
            "enfant de moins de cinq ans reçoive le vaccin oral contre la polio pendant la "
            "campagne du gouvernement.",
            [
                "Une grande équipe de volontaires de la Croix-Rouge philippine soutient la "
                "campagne gouvernementale de vaccination contre la polio en allant de maison en "
                "maison dans le Grand Manille et à Mindanao.",
                "Leur mission est simple à décrire et difficile à mener à bien : trouver chaque "
                "enfant de moins de cinq ans et vérifier qu’il a bien reçu le vaccin oral.",
                "Comme les volontaires viennent des quartiers qu’ils visitent, les parents les "
                "connaissent et leur ouvrent leur porte.",
            ],
            "Les volontaires vérifient que chaque enfant de moins de cinq ans a été vacciné.",
        ),
        "es": _story(
            "Puerta a puerta contra la polio en Metro Manila y Mindanao",
            "Manila",
            "Voluntarios de la Cruz Roja Filipina visitan los hogares para que cada niño menor "
            "de cinco años reciba la vacuna oral contra la polio durante la campaña del "
            "gobierno.",
            [
                "Un gran equipo de voluntarios de la Cruz Roja Filipina apoya la campaña "
                "gubernamental de vacunación contra la polio yendo de casa en casa en Metro "
                "Manila y en Mindanao.",
                "Su tarea es fácil de describir y difícil de terminar: encontrar a cada niño "
                "menor de cinco años y comprobar que ha recibido la vacuna oral.",
                "Como los voluntarios vienen de los barrios que visitan, las familias los "
                "conocen y les abren la puerta.",
            ],
            "Los voluntarios comprueban que cada niño menor de cinco años esté vacunado.",
        ),
        "ar": _story(
            "من بيت إلى بيت ضد شلل الأطفال في مانيلا الكبرى ومينداناو",
            "مانيلا",
            "يزور متطوعو الصليب الأحمر الفلبيني البيوت للتأكد من حصول كل طفل دون الخامسة على "
            "لقاح شلل الأطفال الفموي خلال حملة الحكومة.",
            [
                "يدعم فريق كبير من متطوعي الصليب الأحمر الفلبيني حملة الحكومة للتطعيم ضد شلل "
                "الأطفال، متنقلين من بيت إلى بيت في مانيلا الكبرى وفي مينداناو.",
                "مهمتهم سهلة الوصف صعبة الإنجاز: العثور على كل طفل دون الخامسة والتحقق من أنه "
                "تلقى اللقاح الفموي.",
                "ولأن المتطوعين من أبناء الأحياء التي يزورونها، يعرفهم الآباء والأمهات ويفتحون "
                "لهم أبوابهم.",
            ],
            "يتحقق المتطوعون من تطعيم كل طفل دون الخامسة.",
        ),
    },
}


# Case studies ---------------------------------------------------------------------------------


def _case(title, summary, paragraphs, caption):
    return {
        "title": title,
        "summary": summary,
        "hero_caption": caption,
        "body": [("paragraph", rich(*paragraphs))],
    }


CASE_STUDIES = {
    "central-african-republic": {
        "fr": _case(
            "Des messages sur la rougeole à Bambari",
            "Soutenir le programme national de vaccination de routine dans des districts isolés "
            "et touchés par le conflit.",
            [
                "En décembre 2019, des volontaires de la Croix-Rouge centrafricaine ont porté des "
                "messages clés sur la vaccination contre la rougeole aux familles de Bambari, "
                "dans la préfecture de la Ouaka.",
                "Dans des districts isolés et touchés par le conflit, la Société nationale "
                "soutient le programme national de vaccination de routine en atteignant des "
                "familles que les services de santé peinent à atteindre.",
            ],
            "Des volontaires diffusent des messages sur la vaccination contre la rougeole à "
            "Bambari, dans la préfecture de la Ouaka.",
        ),
        "es": _case(
            "Mensajes sobre el sarampión en Bambari",
            "Apoyo al programa nacional de vacunación de rutina en distritos remotos y afectados "
            "por el conflicto.",
            [
                "En diciembre de 2019, voluntarios de la Cruz Roja Centroafricana llevaron "
                "mensajes clave sobre la vacunación contra el sarampión a las familias de "
                "Bambari, en la prefectura de Ouaka.",
                "En distritos remotos y afectados por el conflicto, la Sociedad Nacional apoya "
                "el programa nacional de vacunación de rutina llegando a familias a las que los "
                "servicios de salud difícilmente llegan.",
            ],
            "Voluntarios difunden mensajes sobre la vacunación contra el sarampión en Bambari, "
            "prefectura de Ouaka.",
        ),
        "ar": _case(
            "رسائل عن الحصبة في بامباري",
            "دعم البرنامج الوطني للتحصين الروتيني في مناطق نائية ومتأثرة بالنزاع.",
            [
                "في ديسمبر 2019، حمل متطوعو جمعية الصليب الأحمر لأفريقيا الوسطى رسائل أساسية عن "
                "التطعيم ضد الحصبة إلى الأسر في بامباري بمحافظة أواكا.",
                "وفي المناطق النائية المتأثرة بالنزاع، تدعم الجمعية الوطنية البرنامج الوطني "
                "للتحصين الروتيني بالوصول إلى أسر يصعب على الخدمات الصحية الوصول إليها.",
            ],
            "متطوعون ينشرون رسائل عن التطعيم ضد الحصبة في بامباري بمحافظة أواكا.",
        ),
    },
    "greece-from-camps-to-homes": {
        "fr": _case(
            "Des conteneurs aux logements à Thessalonique",
            "Aider des familles migrantes à quitter les camps pour un logement en ville.",
            [
                "Aider des familles migrantes à quitter les camps pour un logement en ville.",
                "Des volontaires issus de la communauté mènent ce travail : c’est pourquoi les "
                "gens leur font confiance et y prennent part.",
            ],
            "Aider des familles migrantes à quitter les camps pour un logement en ville.",
        ),
        "es": _case(
            "De los contenedores a una vivienda en Salónica",
            "Ayudar a familias migrantes a pasar de los campamentos a una vivienda urbana.",
            [
                "Ayudar a familias migrantes a pasar de los campamentos a una vivienda urbana.",
                "Voluntarios de la propia comunidad dirigen el trabajo, por eso la gente confía "
                "en ellos y participa.",
            ],
            "Ayudar a familias migrantes a pasar de los campamentos a una vivienda urbana.",
        ),
        "ar": _case(
            "من الحاويات إلى البيوت في سالونيك",
            "مساعدة الأسر المهاجرة على الانتقال من المخيمات إلى مساكن في المدينة.",
            [
                "مساعدة الأسر المهاجرة على الانتقال من المخيمات إلى مساكن في المدينة.",
                "يقود هذا العمل متطوعون من المجتمع نفسه، ولهذا يثق بهم الناس ويشاركون فيه.",
            ],
            "مساعدة الأسر المهاجرة على الانتقال من المخيمات إلى مساكن في المدينة.",
        ),
    },
}

# The part of the case studies where each National Society writes.
CASE_STUDY_SECTION_INTRO = {
    "fr": "Les études de cas rédigées par cette Société nationale.",
    "es": "Los estudios de caso redactados por esta Sociedad Nacional.",
    "ar": "دراسات الحالة التي كتبتها هذه الجمعية الوطنية.",
}


# National Societies ---------------------------------------------------------------------------

NATIONAL_SOCIETIES = {
    "central-african-red-cross": {
        "fr": "Croix-Rouge centrafricaine",
        "es": "Cruz Roja Centroafricana",
        "ar": "جمعية الصليب الأحمر لأفريقيا الوسطى",
    },
    "pakistan-red-crescent": {
        "fr": "Croissant-Rouge du Pakistan",
        "es": "Media Luna Roja de Pakistán",
        "ar": "جمعية الهلال الأحمر الباكستاني",
    },
    "philippine-red-cross": {
        "fr": "Croix-Rouge philippine",
        "es": "Cruz Roja Filipina",
        "ar": "الصليب الأحمر الفلبيني",
    },
    "sierra-leone-red-cross": {
        "fr": "Croix-Rouge de Sierra Leone",
        "es": "Cruz Roja de Sierra Leona",
        "ar": "جمعية الصليب الأحمر في سيراليون",
    },
    "guinea-red-cross": {
        "fr": "Croix-Rouge guinéenne",
        "es": "Cruz Roja de Guinea",
        "ar": "جمعية الصليب الأحمر الغيني",
    },
    "syrian-arab-red-crescent": {
        "fr": "Croissant-Rouge arabe syrien",
        "es": "Media Luna Roja Árabe Siria",
        "ar": "الهلال الأحمر العربي السوري",
    },
    "somali-red-crescent": {
        "fr": "Société du Croissant-Rouge de Somalie",
        "es": "Sociedad de la Media Luna Roja Somalí",
        "ar": "جمعية الهلال الأحمر الصومالي",
    },
    "bangladesh-red-crescent": {
        "fr": "Société du Croissant-Rouge du Bangladesh",
        "es": "Sociedad de la Media Luna Roja de Bangladesh",
        "ar": "جمعية الهلال الأحمر البنغلاديشي",
    },
    "tunisian-red-crescent": {
        "fr": "Croissant-Rouge tunisien",
        "es": "Media Luna Roja Tunecina",
        "ar": "الهلال الأحمر التونسي",
    },
    "hellenic-red-cross": {
        "fr": "Croix-Rouge hellénique",
        "es": "Cruz Roja Helénica",
        "ar": "الصليب الأحمر اليوناني",
    },
    "netherlands-red-cross": {
        "fr": "Croix-Rouge néerlandaise",
        "es": "Cruz Roja Neerlandesa",
        "ar": "الصليب الأحمر الهولندي",
    },
    "american-red-cross": {
        "fr": "Croix-Rouge américaine",
        "es": "Cruz Roja Americana",
        "ar": "الصليب الأحمر الأمريكي",
    },
}


# Laying the text over a copy ------------------------------------------------------------------


def overlay_stream(raw_blocks, texts):
    """The raw StreamField data of an English copy, with each (block type, text) of `texts`
    laid over the next block of that type. Blocks with no text here keep the English text."""
    blocks = copy.deepcopy(list(raw_blocks))
    position = 0
    for block_type, value in texts:
        for index in range(position, len(blocks)):
            if blocks[index]["type"] == block_type:
                blocks[index]["value"] = overlay(blocks[index]["value"], value)
                position = index + 1
                break
    return blocks


def overlay(english, text):
    """`text` laid over a block value: dicts by key, lists by position, strings replaced."""
    if isinstance(text, dict) and isinstance(english, dict):
        return {**english, **{key: overlay(english.get(key), value) for key, value in text.items()}}
    if isinstance(text, list) and isinstance(english, list):
        merged = list(english)
        for index, value in enumerate(text[: len(merged)]):
            item = merged[index]
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                merged[index] = {**item, "value": overlay(item["value"], value)}
            else:
                merged[index] = overlay(item, value)
        return merged
    if isinstance(text, str) and isinstance(english, str):
        return keep_links(english, text)
    return text


def keep_links(english, text):
    """Each bare `<a>` of the translation takes the English link at the same position."""
    links = iter(re.findall(r"<a\b[^>]*>", english))
    return re.sub(r"<a>", lambda match: next(links, match.group(0)), text)
