"""Creating Wagtail images from bytes generated in code (demo content, tests)."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model


def save_image(picture: PILImage.Image, title: str, filename: str, collection=None):
    """Store a Pillow image as a Wagtail image (PNG) and return it."""
    buffer = BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    image_model = get_image_model()
    image = image_model(title=title, file=ImageFile(buffer, name=filename))
    if collection is not None:
        image.collection = collection
    image.save()
    return image
