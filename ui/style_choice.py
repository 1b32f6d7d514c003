"""The Géoplateforme layers tab's choice of the styles saved with a vector layer: every style, the first, or those
ticked in the style list (one line per style of each vector layer ticked)."""

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QListWidgetItem

from ..core.vector import styles as vector_styles
from ..i18n import tr

EVERY_STYLE, FIRST_STYLE, SOME_STYLES = "every", "first", "some"
STYLE_KEY = Qt.UserRole + 2  # a line of the style list: (layer, style)


class VectorStyleChoice:
    """Mixed into the DownloadPage: its form's `vectorStylesCombo` and `vectorStylesList`, its `_unticked_styles`
    and `_picked_vector_layers()`."""

    def vector_styles(self, layer):
        """The STYLES a vector layer's styles are saved with: '' (every style of the layer), its first, or those
        ticked in the style list ("standard, gris")."""
        choice = self.vectorStylesCombo.currentData()
        if choice == FIRST_STYLE:
            return vector_styles.default_styles(layer)[0]
        if choice == SOME_STYLES:
            return ", ".join(style for style in vector_styles.default_styles(layer)
                             if (layer, style) not in self._unticked_styles)
        return ""

    def _show_style_list(self, *args):
        """The style list, one ticked line per style of each vector layer ticked, when "Only the styles ticked
        below" is chosen."""
        some = self.vectorStylesCombo.currentData() == SOME_STYLES
        layers = self._picked_vector_layers() if some else []
        self.vectorStylesList.blockSignals(True)
        self.vectorStylesList.clear()
        for layer in layers:
            for style in vector_styles.default_styles(layer):
                item = QListWidgetItem(style if len(layers) == 1 else tr("{} — {}").format(layer, style))
                item.setData(STYLE_KEY, (layer, style))
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Unchecked if (layer, style) in self._unticked_styles else Qt.Checked)
                self.vectorStylesList.addItem(item)
        self.vectorStylesList.blockSignals(False)
        self.vectorStylesList.setVisible(some)

    def _style_ticked(self, item):
        key = tuple(item.data(STYLE_KEY))
        if item.checkState() == Qt.Checked:
            self._unticked_styles.discard(key)
        else:
            self._unticked_styles.add(key)

    def tick_style(self, layer, style, ticked=True):
        """Tick or untick a line of the style list (what a click does)."""
        for row in range(self.vectorStylesList.count()):
            item = self.vectorStylesList.item(row)
            if tuple(item.data(STYLE_KEY)) == (layer, style):
                item.setCheckState(Qt.Checked if ticked else Qt.Unchecked)
                return item
        return None
