"""The tips shown after each check-in, written for streak from five articles on leg training.

A Python module rather than a data file: it is compiled and cached like any other module, so
loading it costs the check-in nothing measurable. Each row is (id, tags, text): the source
is the article the id's prefix names, the tags the topics it touches. GENERAL_ROWS are the tips
for an ordinary check-in; MOMENT_ROWS hold each moment's own tips, which no other check-in
shows. Where an article makes a contested claim (the hormone surge), the tip says whose claim
it is.
"""

# Each article by its title, and by its author or publisher where the article names one.
SOURCES = {
    "ms": "Five Reasons Not to Skip Leg Day (Muscle & Strength)",
    "tb": "Why You Should Never Miss Leg Day If You Care About Total Body Results",
    "es": "The Benefits of Leg Day (Erin Stern, September 14, 2018)",
    "ac": "How Important Are Leg Workouts for Muscle Gain? (Andrea Cespedes, LIVESTRONG.COM)",
    "wl": "Why do we need to train our legs?",
}

TAGS = frozenset(
    {
        "strength", "growth", "fat-loss", "posture", "injury", "aging", "mind", "frequency",
        "technique", "progress", "recovery", "consistency",
    }
)  # fmt: skip

# The moments of a check-in that have tips of their own, strongest first (SPEC.md's order).
MOMENTS = ("first-session", "comeback", "repair", "personal-record", "streak-badge", "frequency")

Row = tuple[str, tuple[str, ...], str]

GENERAL_ROWS: tuple[Row, ...] = (
    # Muscle & Strength
    (
        "ms-compound-weekly",
        ("strength", "growth"),
        "Put at least one heavy compound lift, a squat or a deadlift, into every week: it trains "
        "your legs and builds a base for the rest of your program.",
    ),
    (
        "ms-bench-base",
        ("strength",),
        "Your legs are the platform for upper-body lifts. Planted, strong legs let you press and "
        "row harder and with more control.",
    ),
    (
        "ms-hormone-claim",
        ("growth",),
        "Muscle & Strength argues that heavy leg work sets off a rise in testosterone and growth "
        "hormone that helps muscles everywhere grow. Treat that as a possible bonus, not a promise.",
    ),
    (
        "ms-rest-fuel",
        ("recovery",),
        "The gains from a leg session arrive while you recover. Sleep well and eat a proper meal "
        "with protein before the next hard one.",
    ),
    (
        "ms-unilateral",
        ("technique", "injury"),
        "Add lunges or Bulgarian split squats to your next session. Working one leg at a time "
        "evens out left-right differences and sharpens balance.",
    ),
    (
        "ms-supersets",
        ("fat-loss",),
        "Want more burn? Alternate squats and step-ups, or deadlifts and lunges, and keep the rest "
        "between sets short so your heart rate stays up.",
    ),
    (
        "ms-epoc",
        ("fat-loss",),
        "A hard leg session leaves your body using extra energy for hours as it returns to rest. "
        "The effect has a name: EPOC, excess post-exercise oxygen consumption.",
    ),
    (
        "ms-insulin",
        ("fat-loss",),
        "Regularly working your biggest muscles improves insulin sensitivity, helping your body "
        "manage blood sugar and store less fat.",
    ),
    (
        "ms-resting-burn",
        ("fat-loss", "growth"),
        "More leg muscle raises your basal metabolic rate, so the squats you put in keep "
        "burning calories while you sit still.",
    ),
    (
        "ms-posterior",
        ("injury", "posture"),
        "Hip thrusts, glute bridges and Romanian deadlifts strengthen the glutes and hamstrings "
        "that shield your lower back and knees.",
    ),
    (
        "ms-desk-posture",
        ("posture",),
        "Long days in a chair weaken the muscles that hold your pelvis and spine in line. Strong "
        "glutes, hamstrings and quads take strain off your back.",
    ),
    (
        "ms-knee-balance",
        ("injury",),
        "Quads that far outpower your hamstrings leave the knee less stable. Give the back of your "
        "thighs as much attention as the front.",
    ),
    (
        "ms-small-muscles",
        ("injury", "technique"),
        "Spare a set for the small muscles: strong calves guard your ankles, and the hip "
        "stabilizers keep your hips steady under load.",
    ),
    (
        "ms-everyday",
        ("aging", "strength"),
        "Stairs, heavy shopping bags, getting up off the floor: strong legs make daily life easier "
        "now and keep it easy decades from now.",
    ),
    (
        "ms-brain",
        ("aging", "mind"),
        "Studies have tied stronger legs in middle and later life to less cognitive decline, "
        "possibly thanks to better circulation. Your squats may help your head as well.",
    ),
    (
        "ms-functional",
        ("aging", "technique"),
        "Walking lunges, step-ups and single-leg Romanian deadlifts copy real-life movement and "
        "build balance you will be glad of as you age.",
    ),
    (
        "ms-athletic",
        ("strength",),
        "Quads, hamstrings and glutes drive every sprint, jump and safe landing. Stronger legs mean "
        "faster starts and steadier stops.",
    ),
    (
        "ms-falls",
        ("aging", "injury"),
        "A strong lower body steadies the whole frame and lowers your risk of falls and balance-related injuries.",
    ),
    (
        "ms-endorphins",
        ("mind",),
        "Leg training releases endorphins and takes the edge off stress. A good session is good for "
        "your mood, not only your muscles.",
    ),
    (
        "ms-both-kinds",
        ("technique",),
        "Combine two-legged lifts like squats with single-leg work so your strength grows evenly on both sides.",
    ),
    # Why You Should Never Miss Leg Day...
    (
        "tb-single-leg",
        ("technique",),
        "After the main lift, add one single-leg exercise such as lunges or step-ups, so your "
        "stronger leg cannot cover for the weaker one.",
    ),
    (
        "tb-hamstrings",
        ("technique", "injury"),
        "Finish with at least one hamstring exercise (leg curls, or stiff-legged deadlifts) so the "
        "back of your legs never gets skipped.",
    ),
    (
        "tb-largest-muscle",
        ("growth",),
        "The gluteus maximus is the biggest muscle you own, and with the quads and hamstrings it "
        "makes the lower body your largest store of muscle.",
    ),
    (
        "tb-sleepy-glutes",
        ("posture",),
        "Hours of sitting can leave your glutes slow to switch on, so your lower back takes over "
        "their job. Bridges and hip hinges wake them up.",
    ),
    (
        "tb-rdl",
        ("posture", "technique"),
        "The Romanian deadlift is a first-rate choice for healthy hamstrings and for undoing the "
        "rounded posture of a desk job.",
    ),
    (
        "tb-bone-density",
        ("aging",),
        "Bones adapt to the loads you put on them (Wolff's law). Loaded squats and lunges make "
        "thigh and hip bones denser, a hedge against osteoporosis and falls.",
    ),
    (
        "tb-knees",
        ("injury", "technique"),
        "Achy knees are often a sign of weak or tight quads and glutes. Squatting with good form "
        "strengthens the tissue that supports the joint.",
    ),
    (
        "tb-runners",
        ("strength", "injury"),
        "Running is great for your heart but does not build bone density or structural strength "
        "the way lifting does. Runners who lift tend to run more efficiently and get hurt less.",
    ),
    (
        "tb-quit-threshold",
        ("mind",),
        "Leg day is uncomfortable, and showing up anyway trains discipline. Pushing past the urge "
        "to skip carries over to diet, work and other goals.",
    ),
    (
        "tb-afterburn",
        ("fat-loss",),
        "Recovering from a brutal leg session can keep your calorie burn up for 24 to 48 hours, "
        "an afterburn that a shoulder workout comes nowhere near.",
    ),
    (
        "tb-nervous-system",
        ("strength",),
        "Handling heavy squats teaches your nervous system to cope with load, which can make a "
        "heavy bench or overhead press feel less daunting.",
    ),
    (
        "tb-foundation",
        ("injury", "posture"),
        "A big upper body balanced on thin legs is unstable and invites knee and hip injuries. "
        "Build from the ground up.",
    ),
    (
        "tb-independence",
        ("aging",),
        "Older people who stay independent can rise from a chair and climb stairs without help. "
        "That is leg strength, and you are banking it now.",
    ),
    # The Benefits of Leg Day (Erin Stern)
    (
        "es-hip-drive",
        ("strength",),
        "Military presses, T-bar rows and bench presses all lean on your core and on drive from the hips. A "
        "stronger lower body lifts your upper-body numbers too.",
    ),
    (
        "es-free-weights",
        ("growth", "technique"),
        "Free-weight squats, deadlifts and RDLs make your upper body hold and brace the bar, so "
        "your back, grip and core get trained as well.",
    ),
    (
        "es-hormone-claim",
        ("recovery",),
        "Erin Stern holds that big compound lifts lift testosterone and growth hormone, which she "
        "credits with better sleep and recovery. Compound lifts are worth doing either way.",
    ),
    (
        "es-calories",
        ("fat-loss",),
        "Legs are your biggest muscle group, so training them burns the most calories, and more "
        "afterwards as your muscles refill their glycogen and repair.",
    ),
    (
        "es-cardio",
        ("fat-loss",),
        "A solid leg session keeps your heart rate high from start to finish, so you get a cardio "
        "benefit alongside the strength work.",
    ),
    (
        "es-symmetry",
        ("injury",),
        "A balanced body is a healthier one: strong legs are hard to injure and keep your physique in proportion.",
    ),
    (
        "es-stress-relief",
        ("mind",),
        "Moving heavy weight with your legs can be pure stress relief. Let the next set clear your head.",
    ),
    # How Important Are Leg Workouts for Muscle Gain? (Andrea Cespedes)
    (
        "ac-upper-growth",
        ("growth",),
        "Counterintuitive but useful: training your legs works some of your largest muscles, which "
        "helps set up a body-wide state that favours growth, upper body included.",
    ),
    (
        "ac-repair",
        ("recovery", "growth"),
        "Heavy training damages muscle fibres and satellite cells repair them thicker and "
        "stronger. Rest between hard sessions is when that happens.",
    ),
    (
        "ac-not-a-substitute",
        ("growth",),
        "Squats add to upper-body training; they do not replace it. Keep presses and rows in your "
        "week alongside leg day.",
    ),
    (
        "ac-food-sleep",
        ("recovery",),
        "Building muscle also needs a small surplus of good-quality calories and enough sleep. "
        "Training alone cannot do it all.",
    ),
    (
        "ac-whole-body",
        ("growth",),
        "You can grow your upper body without training legs, but working every major muscle "
        "group gets you there faster and better.",
    ),
    # Why do we need to train our legs?
    (
        "wl-half-your-muscle",
        ("growth",),
        "Your legs hold about half of all your muscle, so growing them is the quickest way to "
        "carry more muscle overall.",
    ),
    (
        "wl-machines",
        ("technique",),
        "Leg press and extension machines have their uses, but free-weight squats and deadlifts "
        "ask far more of your whole body.",
    ),
    (
        "wl-cardio-not-enough",
        ("strength",),
        "Running, football and the cross trainer keep you fit, but they are not heavy leg "
        "training. Add squats or deadlifts to get the rest.",
    ),
    (
        "wl-arm-rule",
        ("growth",),
        "A bodybuilding rule of thumb: putting 2 cm on your arms takes about 5 pounds of new lean "
        "muscle, and big leg lifts are the easiest place to build it.",
    ),
    (
        "wl-character",
        ("mind",),
        "Heavy squats are hard on body and mind alike. Every tough set you finish builds the "
        "staying power you need for the next one.",
    ),
    (
        "wl-balance-growth",
        ("growth",),
        "Some lifters hold that the body grows in proportion, so stimulating its biggest muscles "
        "nudges growth elsewhere too. Treat that as a bonus, not a promise.",
    ),
    (
        "wl-why-skip",
        ("mind", "consistency"),
        "Most people skip legs because the work is hard, not because it is useless. Doing it "
        "anyway is exactly what sets you apart.",
    ),
)

# The tips written for each moment, in MOMENTS' order; a moment's tips are shown at that moment only.
MOMENT_ROWS: dict[str, tuple[Row, ...]] = {
    # The first session ever: what a leg day holds, and what the days after it feel like.
    "first-session": (
        (
            "tb-first-plan",
            ("technique",),
            "A simple plan for any leg day: one big lift, one single-leg move and one hamstring "
            "exercise. That covers the essentials.",
        ),
        (
            "tb-big-lift-first",
            ("technique",),
            "Open your next leg day with one big lift, a squat (back or front) or a trap-bar deadlift: "
            "3 sets of 5 to 8 reps while you are fresh.",
        ),
        (
            "tb-not-too-big",
            ("mind",),
            "Worried your legs will get too big? Building very large legs takes years of heavy lifting "
            "and eating a surplus; a month of lunges will not do it.",
        ),
        (
            "ms-first-compounds",
            ("technique", "progress"),
            "Build your leg days around the big multi-joint moves (squats, Romanian deadlifts, lunges) "
            "and add load a little at a time as the weeks pass.",
        ),
        (
            "tb-first-soreness",
            ("recovery",),
            "Stairs may feel steep for a day or two after an early leg session. Keep the first few "
            "moderate, so soreness never turns into a reason to stop.",
        ),
    ),
    # A comeback, 14 or more days after the session before: ease back in.
    "comeback": (
        (
            "tb-ease-back",
            ("recovery",),
            "Back after time off? Go lighter than your pride suggests. Jumping straight into a huge "
            "workout leaves you too sore to walk and tempts you to quit again.",
        ),
        (
            "wl-comeback-squat",
            ("progress",),
            "After a break, rebuild over a few weeks: start with light squats and add a little weight "
            "each session rather than chasing your old numbers at once.",
        ),
        (
            "tb-comeback-short",
            ("technique", "recovery"),
            "Returning after weeks away? Keep the session short: one big lift for three sets, one "
            "single-leg move, one hamstring exercise, then call it done.",
        ),
        (
            "ms-comeback-routine",
            ("consistency", "aging"),
            "Leg muscle and strength slip away when training stops, and they return with regular work. "
            "Rebuild the routine first; the numbers follow it.",
        ),
        (
            "ac-comeback-rebuild",
            ("recovery", "growth"),
            "Getting going again after a long gap? Muscle is rebuilt outside the gym, so pair the "
            "restart with enough sleep and a slight surplus of good food.",
        ),
        (
            "wl-comeback-grit",
            ("mind",),
            "The first hard session after a break taxes the mind as much as the legs. Finishing it "
            "builds the staying power that gets you to the next one.",
        ),
    ),
    # A repaired streak: a missed week answered with one session more than the goal.
    "repair": (
        (
            "tb-repair-lighter",
            ("frequency",),
            "Fitting one extra leg day into a week is easiest when each session is lighter. Spread "
            "the work out rather than doubling one session.",
        ),
        (
            "tb-repair-discipline",
            ("mind", "consistency"),
            "Making up a missed week with an extra session is the discipline leg day builds: doing "
            "the hard thing when skipping would have been easier.",
        ),
        (
            "ms-repair-routine",
            ("consistency",),
            "One missed week costs little when the week after carries a session more. A routine kept "
            "whole over months is what makes the benefits of leg work last.",
        ),
        (
            "ac-repair-recovery",
            ("recovery",),
            "Packing in one more leg session than usual? Sleep and good food turn the added work into "
            "muscle, so give both a little extra care.",
        ),
        (
            "tb-repair-log",
            ("progress", "consistency"),
            "Log the extra session with the rest. A record that shows a miss answered by a stronger "
            "week is a good reason to keep showing up.",
        ),
        (
            "ms-repair-circuit",
            ("fat-loss", "frequency"),
            "Short on time for an extra session? A brisk circuit of squats and step-ups with little "
            "rest still trains your legs and keeps your heart rate up.",
        ),
    ),
    # A personal record: progressive overload, and keeping the gains.
    "personal-record": (
        (
            "ms-overload",
            ("progress", "growth"),
            "Beat last time by a little: one more rep or a slightly heavier bar. Small, steady "
            "increases are what keep legs adapting.",
        ),
        (
            "tb-log-it",
            ("progress", "consistency"),
            "Keep a record of your lifts. Seeing the weight rise week by week is one of the strongest "
            "reasons to keep turning up.",
        ),
        (
            "ac-pr-rebuilt",
            ("growth", "recovery"),
            "A heavier lift is the stress doing its job: fibres broken down by hard training are "
            "rebuilt thicker and stronger by satellite cells while you rest.",
        ),
        (
            "es-pr-carryover",
            ("strength",),
            "Stronger legs tend to lift your other numbers too: drive from the hips powers presses "
            "and rows, so watch your upper-body lifts climb.",
        ),
        (
            "ms-pr-form",
            ("technique", "posture"),
            "Add weight only while your form holds. Squats and deadlifts done well teach your body to "
            "keep its alignment, under a heavy bar as much as anywhere.",
        ),
        (
            "tb-pr-fresh",
            ("technique", "progress"),
            "Chase records on your first big lift, while your energy is highest, and save the "
            "single-leg and hamstring work for after it.",
        ),
    ),
    # A streak badge just earned: what weeks in a row add up to.
    "streak-badge": (
        (
            "ms-keep-at-it",
            ("consistency",),
            "The benefits of leg training last only while the training does. A steady routine beats "
            "an occasional heroic session every time.",
        ),
        (
            "tb-for-life",
            ("consistency", "mind"),
            "Treat leg day as a habit for life, not a box to tick: the stronger your base, the higher "
            "everything built on it can go.",
        ),
        (
            "ms-streak-metabolic",
            ("consistency", "fat-loss"),
            "Regular leg training improves your metabolic health over time: better insulin "
            "sensitivity and a higher resting burn build up week after week.",
        ),
        (
            "ms-streak-aging",
            ("consistency", "aging"),
            "Muscle and strength drain away with age unless the legs keep being trained. Every week "
            "in a row is a deposit toward staying mobile later.",
        ),
        (
            "tb-streak-bones",
            ("consistency", "aging"),
            "Bones adapt to the loads they carry, a little at a time: a long run of loaded squats and "
            "lunges is what makes hip and thigh bones denser.",
        ),
        (
            "es-streak-systemic",
            ("consistency", "growth"),
            "Erin Stern notes that muscle gain is often systemic: keep adding muscle to your legs "
            "week after week and your upper body tends to gain too.",
        ),
    ),
    # A check-in that saves a streak at stake, or the week's second session: frequency over intensity.
    "frequency": (
        (
            "tb-split-it",
            ("frequency",),
            "Dreading leg day? Try two lighter sessions a week instead of one exhausting one. It is "
            "easier to face and adds up to more work.",
        ),
        (
            "tb-twice-lighter",
            ("frequency",),
            "On a second leg day in one week, keep the volume moderate. Two manageable sessions beat "
            "one marathon you end up dreading.",
        ),
        (
            "es-once-or-twice",
            ("frequency", "growth"),
            "For muscle gain, Erin Stern recommends one or two leg sessions a week. Twice a week is "
            "also the goal streak sets until you choose another.",
        ),
        (
            "wl-freq-muscle",
            ("frequency", "growth"),
            "Your legs hold about half of all your muscle, so a second leg session in a week is one "
            "of the best uses of your training time.",
        ),
        (
            "ac-freq-spacing",
            ("frequency", "recovery"),
            "Spread a week's leg sessions out: hard training breaks muscle fibres down, and the "
            "repair that leaves them thicker and stronger needs the time between.",
        ),
        (
            "tb-freq-moderate",
            ("frequency", "mind"),
            "A short, moderate session that keeps the weekly goal beats a perfect one that never "
            "happens. Frequency matters more than intensity.",
        ),
    ),
}
