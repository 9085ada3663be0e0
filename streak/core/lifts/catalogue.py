"""Common leg exercises, each under one canonical name with the other names lifters type for it.

Data, like the tip catalogue: adding an exercise or an alias is one row, never a branch in code.
Names are matched with spaces collapsed and without case, so an alias needs no case variants;
spellings that differ otherwise (`step-up`, `step up`, plurals) are listed as aliases.
"""

# (canonical name, aliases); no name or alias may appear twice, ignoring case.
EXERCISES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Back squat", ("squat", "squats", "back squats", "barbell squat", "high bar squat", "low bar squat")),
    ("Front squat", ("front squats", "FS")),
    ("Goblet squat", ("goblet squats",)),
    ("Hack squat", ("hack squats", "machine hack squat")),
    ("Box squat", ("box squats",)),
    ("Zercher squat", ("zercher squats", "zercher")),
    ("Belt squat", ("belt squats",)),
    ("Pistol squat", ("pistol squats", "pistols", "single-leg squat", "single leg squat")),
    ("Sissy squat", ("sissy squats",)),
    ("Bulgarian split squat", ("BSS", "bulgarian split squats", "rear foot elevated split squat", "RFESS")),
    ("Split squat", ("split squats",)),
    ("Deadlift", ("conventional deadlift", "conventional deadlifts", "deadlifts", "DL")),
    ("Sumo deadlift", ("sumo deadlifts", "sumo", "sumo DL")),
    ("Romanian deadlift", ("RDL", "RDLs", "romanian deadlifts", "romanian DL")),
    ("Single-leg Romanian deadlift", ("single leg romanian deadlift", "single-leg RDL", "single leg RDL", "SLRDL")),
    ("Stiff-leg deadlift", ("stiff leg deadlift", "stiff-legged deadlift", "stiff legged deadlift", "SLDL")),
    ("Trap bar deadlift", ("trap bar deadlifts", "hex bar deadlift", "hex bar deadlifts")),
    ("Good morning", ("good mornings",)),
    ("Leg press", ("leg presses", "machine leg press", "45 degree leg press")),
    ("Walking lunge", ("walking lunges",)),
    ("Lunge", ("lunges", "forward lunge", "forward lunges")),
    ("Reverse lunge", ("reverse lunges",)),
    ("Step-up", ("step up", "step-ups", "step ups", "box step-up", "box step up")),
    ("Hip thrust", ("hip thrusts", "barbell hip thrust", "barbell hip thrusts")),
    ("Glute bridge", ("glute bridges",)),
    ("Leg extension", ("leg extensions", "knee extension", "knee extensions")),
    ("Leg curl", ("leg curls", "hamstring curl", "hamstring curls", "lying leg curl", "seated leg curl")),
    ("Nordic curl", ("nordic curls", "nordics", "nordic hamstring curl", "nordic hamstring curls")),
    ("Calf raise", ("calf raises", "standing calf raise", "standing calf raises")),
    ("Seated calf raise", ("seated calf raises",)),
    ("Hip adduction", ("adductor machine", "adductions")),
    ("Hip abduction", ("abductor machine", "abductions")),
    ("Kettlebell swing", ("kettlebell swings", "KB swing", "KB swings")),
    ("Box jump", ("box jumps",)),
    ("Wall sit", ("wall sits",)),
)
