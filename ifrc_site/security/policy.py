"""Browser features per response: a view that needs one the site switches off asks for it here.

PERMISSIONS_POLICY (settings) switches off every powerful feature no page uses. A view that needs
one for its own page, such as the help finder's "near me" (geolocation), calls `allow_self`: the
feature is then allowed for this site's own origin on that response only, never for frames from
elsewhere. The page cache keeps the header with the page (see `keep_from_cache`).
"""

from django.conf import settings

from django_permissions_policy import PermissionsPolicyMiddleware

HEADER = "Permissions-Policy"


def allow_self(response, *features):
    """Allow `features` (e.g. "geolocation") for this site's origin on this response."""
    policy = {**settings.PERMISSIONS_POLICY, **{feature: ["self"] for feature in features}}
    value = PermissionsPolicyMiddleware.compute_header_value(policy, name="PERMISSIONS_POLICY")
    response[HEADER] = value
    # django-permissions-policy writes its header after the view; this keeps ours instead.
    response._permissions_policy_override = value
    return response


def keep_from_cache(response):
    """A response rebuilt from a cache keeps the policy its view chose, not the site's default."""
    if HEADER in response:
        response._permissions_policy_override = response[HEADER]
    return response
