"""The EOD catalogue's fixed vocabularies: stages, sectors, instruments, environmental kinds, outcome units.

Apart from the models so that the programme editor's form (which the page
model names as its base form) can offer them without importing the models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeStage(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    APPROVED = "approved", _("Approved")
    SEEKING_FINANCING = "seeking-financing", _("Seeking financing")
    FINANCING_CLOSED = "financing-closed", _("Financing closed")
    UNDER_CONSTRUCTION = "under-construction", _("Under construction")
    OPERATING = "operating", _("Operating")


class EodSector(models.TextChoices):
    """Industries whose proceeds feed back to conservation."""

    ECO_TOURISM = "eco-tourism", _("Eco-tourism")
    GREEN_AGRICULTURE = "green-agriculture", _("Green agriculture")
    CLEAN_ENERGY = "clean-energy", _("Clean energy")
    FORESTRY_CARBON_SINKS = "forestry-carbon-sinks", _("Forestry and carbon sinks")
    WATER_SERVICES = "water-services", _("Water services")
    CIRCULAR_ECONOMY = "circular-economy", _("Circular economy")
    CULTURAL_TOURISM = "cultural-tourism", _("Cultural tourism")
    HEALTH_WELLNESS = "health-wellness", _("Health and wellness")
    URBAN_RENEWAL = "urban-renewal", _("Urban renewal")
    FISHERIES = "fisheries", _("Fisheries")


class Instrument(models.TextChoices):
    LOAN = "loan", _("Loan")
    BOND = "bond", _("Bond")
    EQUITY = "equity", _("Equity")
    PPP = "ppp", _("Public-private partnership (PPP)")
    GUARANTEE = "guarantee", _("Guarantee")


class EnvironmentalKind(models.TextChoices):
    RIVER_RESTORATION = "river-restoration", _("River restoration")
    LAKE_RESTORATION = "lake-restoration", _("Lake restoration")
    WETLAND = "wetland", _("Wetland protection and restoration")
    SOIL_REMEDIATION = "soil-remediation", _("Soil remediation")
    MINE_REHABILITATION = "mine-rehabilitation", _("Mine rehabilitation")
    FOREST_GRASSLAND = "forest-grassland", _("Forest and grassland restoration")
    WATER_TREATMENT = "water-treatment", _("Water treatment")
    BIODIVERSITY = "biodiversity", _("Biodiversity conservation")
    COASTAL_RESTORATION = "coastal-restoration", _("Coastal restoration")
    RURAL_ENVIRONMENT = "rural-environment", _("Rural environment improvement")


class OutcomeUnit(models.TextChoices):
    HECTARES = "hectares", _("hectares restored")
    RIVER_KM = "river-km", _("km of river restored")
    WATER_CLASS = "water-class", _("water-quality class reached (I–V)")
    WASTEWATER_TONNES_DAY = "wastewater-t-day", _("tonnes of wastewater treated per day")
    SOIL_TONNES = "soil-tonnes", _("tonnes of soil remediated")
    COASTLINE_KM = "coastline-km", _("km of coastline restored")
    TREES = "trees", _("trees planted")
    VILLAGES = "villages", _("villages served")
