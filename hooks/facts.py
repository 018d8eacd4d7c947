"""The words a method page may use in its front matter, and how the site shows them.

Front matter values come from these small vocabularies so the home page overview and
the finder can group methods reliably. The keys are what authors write; the values
are what readers see.
"""

EQUIPMENT = {
    "nothing": "Nothing",
    "chair": "A chair with a solid back",
    "floor or mat": "A carpet, rug or yoga mat",
    "foam roller": "A foam roller",
}

POSITION = {
    "sitting": "Sitting",
    "lying": "Lying down",
    "standing": "Standing",
}

BACK_REGION = {
    "upper back": "Upper back",
    "middle back": "Middle back",
    "lower back": "Lower back",
}


def words(value: object) -> list[str]:
    """A front matter value as a list of words: `position` is one word, the others are lists."""
    values = value if isinstance(value, list) else [value] if value else []
    return [str(word) for word in values]
