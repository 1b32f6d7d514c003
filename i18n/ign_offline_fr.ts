<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
  <context>
    <name>AreaPicker</name>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>1. Where: the area</source>
      <translation>1. Où : la zone</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>A preset area, the map canvas, a polygon layer, a rectangle drawn on the map, coordinates typed in, or one of your saved areas</source>
      <translation>Une zone prédéfinie, l'emprise de la carte, une couche de polygones, un rectangle dessiné sur la carte, des coordonnées saisies, ou une de vos zones enregistrées</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Zoom to area</source>
      <translation>Zoomer sur la zone</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Only the tiles meeting this layer's polygons are counted and downloaded</source>
      <translation>Seules les tuiles qui touchent les polygones de cette couche sont comptées et téléchargées</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Selected features only</source>
      <translation>Entités sélectionnées seulement</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Longitudes and latitudes in degrees (WGS 84), west to east and south to north</source>
      <translation>Longitudes et latitudes en degrés (WGS 84), d'ouest en est et du sud au nord</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>West</source>
      <translation>Ouest</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>°</source>
      <translation>°</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>East</source>
      <translation>Est</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>South</source>
      <translation>Sud</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>North</source>
      <translation>Nord</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Draw on the map</source>
      <translation>Dessiner sur la carte</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Drag a rectangle on the map canvas: it becomes the area</source>
      <translation>Tracez un rectangle sur la carte : il devient la zone</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Save area…</source>
      <translation>Enregistrer la zone…</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Keep this area under a name of yours, in the list above</source>
      <translation>Garder cette zone sous un nom à vous, dans la liste ci-dessus</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Forget</source>
      <translation>Oublier</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Remove this saved area from the list</source>
      <translation>Retirer cette zone enregistrée de la liste</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Overview basemap under the area</source>
      <translation>Fond de carte d'ensemble sous la zone</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Plan IGN from your library when it is there, else from the Géoplateforme (needs the network)</source>
      <translation>Le Plan IGN de votre bibliothèque s'il y est, sinon celui de la Géoplateforme (réseau nécessaire)</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>2. How detailed: zoom levels</source>
      <translation>2. Quel détail : niveaux de zoom</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>From zoom</source>
      <translation>Du zoom</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>to</source>
      <translation>au</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Zoom</source>
      <translation>Zoom</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.ui" />
      <source>Tiles per layer</source>
      <translation>Tuiles par couche</translation>
    </message>
  </context>
  <context>
    <name>CachePage</name>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Tiles QGIS already downloaded while you browsed, turned into MBTiles with no new download. The cache is only read; the files go to the library folder (its “QGIS cache” folder).</source>
      <translation>Les tuiles que QGIS a déjà téléchargées pendant que vous naviguiez, transformées en MBTiles sans nouveau téléchargement. Le cache est seulement lu ; les fichiers vont dans la bibliothèque (son dossier « QGIS cache »).</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>QGIS cache folder</source>
      <translation>Dossier du cache de QGIS</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Scan</source>
      <translation>Analyser</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Recover</source>
      <translation>Récupérer</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Layer</source>
      <translation>Couche</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Zooms</source>
      <translation>Zooms</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Tiles</source>
      <translation>Tuiles</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.ui" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
  </context>
  <context>
    <name>DownloadPage</name>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>3. What: the layers</source>
      <translation>3. Quoi : les couches</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>The Géoplateforme (public layers, or private ones with an account), another WMTS server, or an XYZ address with {z}/{x}/{y}</source>
      <translation>La Géoplateforme (couches publiques, ou privées avec un compte), un autre serveur WMTS, ou une adresse XYZ avec {z}/{x}/{y}</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Read layers</source>
      <translation>Lire les couches</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Ask the server for all its layers (their titles and identifiers)</source>
      <translation>Demander au serveur toutes ses couches (titres et identifiants)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Account of private layers, kept in the QGIS authentication database: Basic (the key in the password, or a login) or OAuth2 (a Géoplateforme account)</source>
      <translation>Compte des couches privées, gardé dans la base d'authentification de QGIS : Basic (la clé comme mot de passe, ou un identifiant) ou OAuth2 (un compte Géoplateforme)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Sign in with the OAuth2 account in your browser, then list its private layers</source>
      <translation>Se connecter avec le compte OAuth2 dans votre navigateur, puis lister ses couches privées</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Sign in</source>
      <translation>Se connecter</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Search: title or identifier (Enter ticks it)</source>
      <translation>Rechercher : titre ou identifiant (Entrée la coche)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Type part of a title or identifier to find a layer; Enter ticks the layer found, or takes what you typed as an identifier (checked against the server before anything is downloaded)</source>
      <translation>Tapez une partie d'un titre ou d'un identifiant pour trouver une couche ; Entrée coche la couche trouvée, ou prend ce que vous avez tapé comme identifiant (vérifié auprès du serveur avant tout téléchargement)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Tick every layer to download: one file per layer in the library folder</source>
      <translation>Cochez chaque couche à télécharger : un fichier par couche dans le dossier de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>4. How much: per layer and in total</source>
      <translation>4. Combien : par couche et au total</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Layer</source>
      <translation>Couche</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Tiles</source>
      <translation>Tuiles</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Time</source>
      <translation>Durée</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Parallel requests</source>
      <translation>Requêtes en parallèle</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Requests per second, at most</source>
      <translation>Requêtes par seconde, au plus</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>0 = no limit. The Géoplateforme allows 20 requests per second at most.</source>
      <translation>0 = sans limite. La Géoplateforme accepte 20 requêtes par seconde au plus.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Estimate</source>
      <translation>Estimer</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Tiles, size and time per layer, from a few sample tiles (nothing is saved)</source>
      <translation>Tuiles, taille et durée par couche, d'après quelques tuiles d'échantillon (rien n'est enregistré)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Download</source>
      <translation>Télécharger</translation>
    </message>
    <message>
      <location filename="../ui/download_page.ui" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
  </context>
  <context>
    <name>FtpPage</name>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Orthophotos (aerial photographs, JPEG 2000, 1 km tiles) and the MNS (modèle numérique de surface: the height of the ground with its buildings and trees) from an open-data FTP server. Only the tiles of the area are fetched, resumed if interrupted, and loaded as one mosaic. RVB = natural colours; IRC = infrared false colours (vegetation in red).</source>
      <translation>Orthophotos (photographies aériennes, JPEG 2000, dalles de 1 km) et MNS (modèle numérique de surface : la hauteur du sol avec ses bâtiments et ses arbres) depuis un serveur FTP de données ouvertes. Seules les dalles de la zone sont récupérées, reprises en cas d'interruption, et chargées en une seule mosaïque. RVB = couleurs naturelles ; IRC = infrarouge fausses couleurs (la végétation en rouge).</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>FTP server (anonymous login). odgeo.grandest.fr serves the Grand Est region (Alsace, Lorraine…): pick a product, then use its coverage as the area.</source>
      <translation>Serveur FTP (connexion anonyme). odgeo.grandest.fr couvre la région Grand Est (Alsace, Lorraine…) : choisissez un produit, puis utilisez son emprise comme zone.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>List products</source>
      <translation>Lister les produits</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Product</source>
      <translation>Produit</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Tiles</source>
      <translation>Tuiles</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Folder</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Zoom to its coverage</source>
      <translation>Zoomer sur son emprise</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Show on the map where the product has tiles</source>
      <translation>Montrer sur la carte où le produit a des dalles</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Use its coverage as the area</source>
      <translation>Prendre son emprise comme zone</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>The area becomes the box of the product's tiles (as coordinates you can narrow)</source>
      <translation>La zone devient le rectangle des dalles du produit (en coordonnées que vous pouvez resserrer)</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>List the products, then pick one.</source>
      <translation>Listez les produits, puis choisissez-en un.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Connections</source>
      <translation>Connexions</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Download</source>
      <translation>Télécharger</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.ui" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
  </context>
  <context>
    <name>IgnOffline</name>
    <message>
      <location filename="../algorithms/base.py" line="20" />
      <source>Tiles</source>
      <translation>Tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="21" />
      <source>Offline library</source>
      <translation>Bibliothèque hors ligne</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="22" />
      <source>Field (offline projects, exports)</source>
      <translation>Terrain (projets hors ligne, exports)</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="23" />
      <source>Orthophotos and surface model (FTP)</source>
      <translation>Orthophotos et modèle de surface (FTP)</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="24" />
      <source>Load</source>
      <translation>Charger</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="99" />
      <source>{}: a temporary {} is deleted when QGIS closes; choose a {} of your own.</source>
      <translation>{} : un {} temporaire est supprimé à la fermeture de QGIS ; choisissez le vôtre ({}).</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="101" />
      <source>folder</source>
      <translation>dossier</translation>
    </message>
    <message>
      <location filename="../algorithms/base.py" line="101" />
      <source>file</source>
      <translation>fichier</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="35" />
      <source>Download orthophotos or MNS from FTP, by area</source>
      <translation>Télécharger des orthophotos ou le MNS par FTP, par zone</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="41" />
      <source>Product folder (a path as list_ftp_products shows it)</source>
      <translation>Dossier du produit (un chemin tel que list_ftp_products l'affiche)</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="44" />
      <source>Folder for the tiles (one sub-folder per product)</source>
      <translation>Dossier des dalles (un sous-dossier par produit)</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="47" />
      <source>Parallel FTP connections</source>
      <translation>Connexions FTP en parallèle</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="50" />
      <source>Add the mosaic to the project</source>
      <translation>Ajouter la mosaïque au projet</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="51" />
      <source>VRT mosaic</source>
      <translation>Mosaïque VRT</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="52" />
      <source>Files downloaded</source>
      <translation>Fichiers téléchargés</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="53" />
      <source>Files already there</source>
      <translation>Fichiers déjà présents</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="54" />
      <source>Files that failed</source>
      <translation>Fichiers en échec</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="54" />
      <source>Bytes downloaded</source>
      <translation>Octets téléchargés</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="61" />
      <source>Give PRODUCT, a product folder path as list_ftp_products shows it (e.g. /open_data/OHR_RVB_0M20_JP2-E100_LAMB93_D67-2015).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="73" />
      <source>Reading {}{}…</source>
      <translation>Lecture de {}{}…</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="81" />
      <source>The product names no CRS: EPSG:{} assumed.</source>
      <translation>Le nom du produit ne dit pas son SCR : EPSG:{} supposé.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="84" />
      <source>{}: {} tiles; area in EPSG:{}: {:.0f}, {:.0f}, {:.0f}, {:.0f}</source>
      <translation>{} : {} dalles ; zone en EPSG:{} : {:.0f}, {:.0f}, {:.0f}, {:.0f}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="93" />
      <source>{} failed: {}</source>
      <translation>{} en échec : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="95" />
      <source>Cancelled: run again to resume where it stopped.</source>
      <translation>Annulé : relancez pour reprendre là où cela s'est arrêté.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_ftp.py" line="96" />
      <source>{} files downloaded ({}), {} already there, {} failed; mosaic: {}</source>
      <translation>{} fichiers téléchargés ({}), {} déjà présents, {} en échec ; mosaïque : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="37" />
      <source>Download tiles to MBTiles</source>
      <translation>Télécharger des tuiles en MBTiles</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="46" />
      <source>MBTiles file ({LAYER} stands for the layer; an existing file of the same layer is resumed or extended)</source>
      <translation>Fichier MBTiles ({LAYER} est remplacé par la couche ; un fichier existant de la même couche est repris ou complété)</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="51" />
      <source>Re-check tiles older than this many days (empty = never)</source>
      <translation>Revérifier les tuiles de plus de tant de jours (vide = jamais)</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="54" />
      <source>Only retry the tiles that failed last time</source>
      <translation>Ne réessayer que les tuiles en échec la dernière fois</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="56" />
      <source>Add the result to the project</source>
      <translation>Ajouter le résultat au projet</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="58" />
      <source>Tiles downloaded</source>
      <translation>Tuiles téléchargées</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="59" />
      <source>Tiles already present</source>
      <translation>Tuiles déjà présentes</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="60" />
      <source>Tiles the server has no data for</source>
      <translation>Tuiles sans données sur le serveur</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="61" />
      <source>Tiles failed</source>
      <translation>Tuiles en échec</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="97" />
      <source>{} ({}) from {}, {} zoom {}-{} → {}</source>
      <translation>{} ({}) depuis {}, {} zoom {}-{} → {}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="104" />
      <source>{:,} downloaded ({}), {:,} already present, {:,} unchanged (304), {:,} empty, {:,} failed.</source>
      <translation>{:,} téléchargées ({}), {:,} déjà présentes, {:,} inchangées (304), {:,} vides, {:,} en échec.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="109" />
      <source>{:,} tiles failed: {}</source>
      <translation>{:,} tuiles en échec : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="111" />
      <source>Run again (or with RETRY_FAILED_ONLY) to retry the failed tiles.</source>
      <translation>Relancez (ou avec RETRY_FAILED_ONLY) pour réessayer les tuiles en échec.</translation>
    </message>
    <message>
      <location filename="../algorithms/download_tiles.py" line="113" />
      <source>Cancelled. The tiles downloaded are kept: download again to resume.</source>
      <translation>Annulé. Les tuiles téléchargées sont gardées : téléchargez à nouveau pour reprendre.</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="34" />
      <source>Estimate tiles</source>
      <translation>Estimer les tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="43" />
      <source>Planned output .mbtiles file (the free disk space there is reported)</source>
      <translation>Fichier .mbtiles prévu (l'espace disque libre à cet endroit est indiqué)</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="46" />
      <source>Total number of tiles</source>
      <translation>Nombre total de tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="47" />
      <source>Tiles per zoom (JSON)</source>
      <translation>Tuiles par zoom (JSON)</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="50" />
      <source>Free disk space at OUTPUT</source>
      <translation>Espace disque libre pour OUTPUT</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="51" />
      <source>Expected size (sampled)</source>
      <translation>Taille attendue (échantillonnée)</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="52" />
      <source>Expected download time (sampled)</source>
      <translation>Durée de téléchargement attendue (échantillonnée)</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="69" />
      <source>Area: {} ({:.5f}, {:.5f}, {:.5f}, {:.5f})</source>
      <translation>Zone : {} ({:.5f}, {:.5f}, {:.5f}, {:.5f})</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="71" />
      <source>zoom {:&gt;2}: {:&gt;12,} tiles</source>
      <translation>zoom {:&gt;2} : {:&gt;12,} tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="72" />
      <source>total:   {:&gt;12,} tiles</source>
      <translation>total :  {:&gt;12,} tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="76" />
      <source>Free disk space at {}: {}</source>
      <translation>Espace disque libre dans {} : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="93" />
      <source>zoom {:&gt;2}: {} per tile ({} sampled, {:.0f} ms each)</source>
      <translation>zoom {:&gt;2} : {} par tuile ({} échantillonnées, {:.0f} ms chacune)</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="97" />
      <source>No tile could be sampled: size and time unknown.</source>
      <translation>Aucune tuile n'a pu être échantillonnée : taille et durée inconnues.</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="99" />
      <source>Expected: {} in about {} ({} parallel requests, at most {:g}/s).</source>
      <translation>Attendu : {} en environ {} ({} requêtes en parallèle, au plus {:g}/s).</translation>
    </message>
    <message>
      <location filename="../algorithms/estimate_tiles.py" line="102" />
      <source>Not enough free space at {}: {} needed, {} free.</source>
      <translation>Pas assez d'espace libre dans {} : {} nécessaires, {} libres.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="31" />
      <source>Export tiles for field apps</source>
      <translation>Exporter les tuiles pour les applications de terrain</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="36" />
      <source>MBTiles file, or a raster (VRT, GeoTIFF, JPEG 2000) to re-encode</source>
      <translation>Fichier MBTiles, ou un raster (VRT, GeoTIFF, JPEG 2000) à réencoder</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="41" />
      <source>Output file</source>
      <translation>Fichier de sortie</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="43" />
      <source>Only from this zoom</source>
      <translation>Seulement à partir de ce zoom</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="46" />
      <source>Only up to this zoom</source>
      <translation>Seulement jusqu'à ce zoom</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="50" />
      <source>Split into files of at most this many MB (e.g. 2000 for apps, 4000 for FAT32)</source>
      <translation>Découper en fichiers d'au plus tant de Mo (p. ex. 2000 pour les applications, 4000 pour FAT32)</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="53" />
      <source>JPEG quality when a raster is re-encoded</source>
      <translation>Qualité JPEG quand un raster est réencodé</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="57" />
      <source>Files written</source>
      <translation>Fichiers écrits</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="58" />
      <source>Files written (one per line)</source>
      <translation>Fichiers écrits (un par ligne)</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="91" />
      <source>A raster INPUT is exported whole: zooms, area and MAX_FILE_MB apply to MBTiles input.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="99" />
      <source>Tiles are copied as they are, never re-encoded ({} for {}).</source>
      <translation>Les tuiles sont copiées telles quelles, jamais réencodées ({} pour {}).</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="105" />
      <source>{}: {:,} tiles, zoom {}-{}, {}</source>
      <translation>{} : {:,} tuiles, zoom {}-{}, {}</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="109" />
      <source>A raster is re-encoded (JPEG quality {}): unavoidable for {}.</source>
      <translation>Un raster est réencodé (qualité JPEG {}) : inévitable pour {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="113" />
      <source>{}: {}</source>
      <translation>{} : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/export_tiles.py" line="126" />
      <source>QGIS cannot open {}</source>
      <translation>QGIS ne peut pas ouvrir {}</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="35" />
      <source>Inventory of a library</source>
      <translation>Inventaire d'une bibliothèque</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="40" />
      <source>Library folder (its .mbtiles files)</source>
      <translation>Dossier de la bibliothèque (ses fichiers .mbtiles)</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="42" />
      <source>Plan, to say how complete each entry is (optional)</source>
      <translation>Plan, pour dire où en est chaque entrée (facultatif)</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="44" />
      <source>Coverage (one feature per file and zoom)</source>
      <translation>Couverture (une entité par fichier et par zoom)</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="46" />
      <source>Report (HTML)</source>
      <translation>Rapport (HTML)</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="47" />
      <source>MBTiles files</source>
      <translation>Fichiers MBTiles</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="48" />
      <source>Tiles in all the files</source>
      <translation>Tuiles dans tous les fichiers</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="63" />
      <source>Skipped: {}</source>
      <translation>Ignoré : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="65" />
      <source>None of the {} .mbtiles files of '{}' can be read (each one is named above): nothing to report.</source>
      <translation>Aucun des {} fichiers .mbtiles de « {} » n’est lisible (chacun est nommé plus haut) : rien à inventorier.</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="79" />
      <source>{} zoom {:&gt;2}: {:&gt;10,} tiles</source>
      <translation>{} zoom {:&gt;2} : {:&gt;10,} tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/inventory.py" line="85" />
      <source>entry {} ({}, {}): {:.1%} complete</source>
      <translation>entrée {} ({}, {}) : complète à {:.1%}</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="41" />
      <source>List orthophoto and MNS products on an FTP server</source>
      <translation>Lister les produits orthophotos et MNS d'un serveur FTP</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="47" />
      <source>Folder to search from</source>
      <translation>Dossier où commencer la recherche</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="49" />
      <source>Folder levels to search below it</source>
      <translation>Niveaux de dossiers à parcourir en dessous</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="52" />
      <source>Products</source>
      <translation>Produits</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="53" />
      <source>Products found</source>
      <translation>Produits trouvés</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="67" />
      <source>Searching {}{} ({} levels)…</source>
      <translation>Recherche dans {}{} ({} niveaux)…</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="79" />
      <source>{}: {} tiles, {}, {}</source>
      <translation>{} : {} dalles, {}, {}</translation>
    </message>
    <message>
      <location filename="../algorithms/list_ftp_products.py" line="83" />
      <source>No product folder (a folder holding data/) under {} within {} levels: try another ROOT or a larger DEPTH.</source>
      <translation>Aucun dossier de produit (un dossier contenant data/) sous {} à {} niveaux : essayez un autre ROOT ou une DEPTH plus grande.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="20" />
      <source>Load MBTiles</source>
      <translation>Charger des MBTiles</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="27" />
      <source>Folder of .mbtiles files, or one MBTiles file</source>
      <translation>Dossier de fichiers .mbtiles, ou un fichier MBTiles</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="30" />
      <source>Layers added</source>
      <translation>Couches ajoutées</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="31" />
      <source>Layers</source>
      <translation>Couches</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="58" />
      <source>{}: {} ({:,} tiles)</source>
      <translation>{} : {} ({:,} tuiles)</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="61" />
      <source>None of the {} .mbtiles files of '{}' can be read (each one is named above).</source>
      <translation>Aucun des {} fichiers .mbtiles de « {} » n’est lisible (chacun est nommé plus haut).</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="69" />
      <source>No project to load the layers into.</source>
      <translation>Aucun projet où charger les couches.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="79" />
      <source>{} is already in the project.</source>
      <translation>{} est déjà dans le projet.</translation>
    </message>
    <message>
      <location filename="../algorithms/load_mbtiles.py" line="82" />
      <source>{} layer(s) added to the group '{}'.</source>
      <translation>{} couche(s) ajoutée(s) au groupe « {} ».</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="39" />
      <source>Make a project offline</source>
      <translation>Rendre un projet utilisable hors ligne</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="44" />
      <source>Project (.qgz/.qgs; default: the current project, saved)</source>
      <translation>Projet (.qgz/.qgs ; par défaut : le projet courant, enregistré)</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="49" />
      <source>Folder for the offline project (basemaps/ and data/ inside)</source>
      <translation>Dossier du projet hors ligne (basemaps/ et data/ dedans)</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="51" />
      <source>Offline library to take tiles from first (optional)</source>
      <translation>Bibliothèque hors ligne où prendre d'abord les tuiles (facultatif)</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="56" />
      <source>The offline project</source>
      <translation>Le projet hors ligne</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="57" />
      <source>What was done, per layer</source>
      <translation>Ce qui a été fait, couche par couche</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="65" />
      <source>Give the PROJECT (.qgz/.qgs), or save the current project first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="96" />
      <source>{}: copied → {} ({})</source>
      <translation>{} : copiée → {} ({})</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="100" />
      <source>{}: left as it is, online — {}</source>
      <translation>{} : laissée telle quelle, en ligne — {}</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="116" />
      <source>Cancelled: run again to resume (tiles already fetched are kept).</source>
      <translation>Annulé : relancez pour reprendre (les tuiles déjà récupérées sont gardées).</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="119" />
      <source>No layer of the project could be taken offline: see the messages above.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="121" />
      <source>Offline project: {} (paths relative to it: move or copy the whole folder)</source>
      <translation>Projet hors ligne : {} (chemins relatifs : déplacez ou copiez le dossier entier)</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="151" />
      <source>{}: {:,} tiles taken from the library</source>
      <translation>{} : {:,} tuiles prises dans la bibliothèque</translation>
    </message>
    <message>
      <location filename="../algorithms/make_project_offline.py" line="160" />
      <source>{}: {:,} tiles at zoom {}-{} ({} fetched, {} already there, {} failed), {} → basemaps/{}.mbtiles</source>
      <translation>{} : {:,} tuiles aux zooms {}-{} ({} récupérées, {} déjà présentes, {} en échec), {} → basemaps/{}.mbtiles</translation>
    </message>
    <message>
      <location filename="../algorithms/merge_mbtiles.py" line="18" />
      <source>Merge MBTiles of one layer</source>
      <translation>Fusionner des MBTiles d'une même couche</translation>
    </message>
    <message>
      <location filename="../algorithms/merge_mbtiles.py" line="23" />
      <source>MBTiles files of the same layer (e.g. the shards' files)</source>
      <translation>Fichiers MBTiles de la même couche (p. ex. ceux des différentes machines)</translation>
    </message>
    <message>
      <location filename="../algorithms/merge_mbtiles.py" line="26" />
      <source>Merged MBTiles file (new, or one of the same layer to add to)</source>
      <translation>Fichier MBTiles fusionné (nouveau, ou un fichier de la même couche à compléter)</translation>
    </message>
    <message>
      <location filename="../algorithms/merge_mbtiles.py" line="30" />
      <source>Tiles in the merged file</source>
      <translation>Tuiles dans le fichier fusionné</translation>
    </message>
    <message>
      <location filename="../algorithms/merge_mbtiles.py" line="42" />
      <source>{} files merged into {}: {:,} tiles.</source>
      <translation>{} fichiers fusionnés dans {} : {:,} tuiles.</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="50" />
      <source>Preset area ({})</source>
      <translation>Zone prédéfinie ({})</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="53" />
      <source>…or an extent (any CRS)</source>
      <translation>…ou une emprise (tout SCR)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="56" />
      <source>…or the polygons of a layer (any CRS; only the tiles meeting them)</source>
      <translation>…ou les polygones d'une couche (tout SCR ; seules les tuiles qui les touchent)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="64" />
      <source>Minimum zoom (0-22)</source>
      <translation>Zoom minimal (0-22)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="67" />
      <source>Maximum zoom (0-22)</source>
      <translation>Zoom maximal (0-22)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="91" />
      <source>The extent is empty: give an extent with a width and a height.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="95" />
      <source>The extent has no CRS: read as longitude/latitude (EPSG:4326).</source>
      <translation>L'emprise n'a pas de SCR : lue en longitude/latitude (EPSG:4326).</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="111" />
      <source>The AREA_LAYER cannot be read: give a polygon layer or file (GeoPackage, GeoJSON, Shapefile…).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="140" />
      <source>Go ahead with a very large job (over 10 million tiles, or more than the free disk space)</source>
      <translation>Lancer quand même une très grosse tâche (plus de 10 millions de tuiles, ou plus que l'espace disque libre)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="160" />
      <source>Account or API key in the QGIS authentication database (private layers: Basic with the key, or OAuth2)</source>
      <translation>Compte ou clé d'API dans la base d'authentification de QGIS (couches privées : Basic avec la clé, ou OAuth2)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="193" />
      <source>WMTS endpoint, or XYZ URL template with {z}/{x}/{y}</source>
      <translation>Adresse du service WMTS, ou modèle d'URL XYZ avec {z}/{x}/{y}</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="197" />
      <source>Layer identifier (from the capabilities; optional for an XYZ template)</source>
      <translation>Identifiant de la couche (d'après les capacités ; facultatif pour un modèle XYZ)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="200" />
      <source>Style (default: the layer's own)</source>
      <translation>Style (par défaut : celui de la couche)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="202" />
      <source>Format (default: the layer's own)</source>
      <translation>Format (par défaut : celui de la couche)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="205" />
      <source>…or the API key itself (never written anywhere)</source>
      <translation>…ou la clé d'API elle-même (jamais écrite nulle part)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="225" />
      <source>Parallel requests</source>
      <translation>Requêtes en parallèle</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="228" />
      <source>Maximum requests per second to the server (0 = no cap)</source>
      <translation>Requêtes par seconde au serveur, au plus (0 = sans limite)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="244" />
      <source>FTP server</source>
      <translation>Serveur FTP</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="246" />
      <source>Server port</source>
      <translation>Port du serveur</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="248" />
      <source>User name (empty: anonymous)</source>
      <translation>Nom d'utilisateur (vide : anonyme)</translation>
    </message>
    <message>
      <location filename="../algorithms/parameters.py" line="250" />
      <source>Password stored in the QGIS authentication database (Basic method)</source>
      <translation>Mot de passe gardé dans la base d'authentification de QGIS (méthode Basic)</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="29" />
      <source>Recover tiles from the QGIS network cache</source>
      <translation>Récupérer les tuiles du cache réseau de QGIS</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="34" />
      <source>Cache folder, the one holding data8/ (default: this QGIS's)</source>
      <translation>Dossier du cache, celui qui contient data8/ (par défaut : celui de ce QGIS)</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="37" />
      <source>Folder for the MBTiles files (one per tile set)</source>
      <translation>Dossier des fichiers MBTiles (un par jeu de tuiles)</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="40" />
      <source>Only layers whose identifier contains</source>
      <translation>Seulement les couches dont l'identifiant contient</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="42" />
      <source>Skip tile sets with fewer tiles than</source>
      <translation>Ignorer les jeux de moins de tant de tuiles</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="45" />
      <source>Take z/x/y paths that QGIS does not describe as XYZ rows (top origin): only if you know the server is not a TMS</source>
      <translation>Prendre les chemins z/x/y que QGIS ne décrit pas comme des lignes XYZ (origine en haut) : seulement si vous savez que le serveur n'est pas un TMS</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="48" />
      <source>Add the results to the project</source>
      <translation>Ajouter les résultats au projet</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="49" />
      <source>Cache files scanned</source>
      <translation>Fichiers du cache analysés</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="50" />
      <source>Tiles recovered</source>
      <translation>Tuiles récupérées</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="51" />
      <source>Cache files skipped</source>
      <translation>Fichiers du cache ignorés</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="53" />
      <source>MBTiles files written (one per line)</source>
      <translation>Fichiers MBTiles écrits (un par ligne)</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="60" />
      <source>The output folder is inside the cache folder (or is that folder): choose a folder outside it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="79" />
      <source>Known from QGIS's connections and projects: {} XYZ layer templates, the capabilities of {} of {} WMTS servers.</source>
      <translation>Connu d'après les connexions et les projets de QGIS : {} modèles de couches XYZ, les capacités de {} serveurs WMTS sur {}.</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="83" />
      <source>Could not read {} (offline?): tiles of its non-PM matrix sets are placed only if the cache holds its capabilities.</source>
      <translation>Impossible de lire {} (hors ligne ?) : les tuiles de ses jeux de matrices autres que PM ne sont placées que si le cache contient ses capacités.</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="85" />
      <source>Scanning {} (read only)…</source>
      <translation>Analyse de {} (en lecture seule)…</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="101" />
      <source>found {} ({}) on {}: zooms {}, {} tiles, {}</source>
      <translation>trouvé {} ({}) sur {} : zooms {}, {} tuiles, {}</translation>
    </message>
    <message>
      <location filename="../algorithms/recover_cache.py" line="106" />
      <source>skipped {}: {}</source>
      <translation>ignoré {} : {}</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="35" />
      <source>Run a library plan</source>
      <translation>Exécuter un plan de bibliothèque</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="40" />
      <source>Plan (JSON: source, entries of layer, area, zoom_min, zoom_max)</source>
      <translation>Plan (JSON : source, entrées avec couche, zone, zoom_min, zoom_max)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="43" />
      <source>Library folder (one &lt;LAYER&gt;.mbtiles per layer)</source>
      <translation>Dossier de la bibliothèque (un &lt;COUCHE&gt;.mbtiles par couche)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="46" />
      <source>Re-check tiles older than this many days (empty = never; 0 = all)</source>
      <translation>Revérifier les tuiles de plus de tant de jours (vide = jamais ; 0 = toutes)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="50" />
      <source>Only this machine's part, i/n (e.g. 2/3); empty = everything</source>
      <translation>Seulement la part de cette machine, i/n (p. ex. 2/3) ; vide = tout</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="52" />
      <source>Only estimate (tiles, size, time per layer and zoom; fetch no tile)</source>
      <translation>Seulement estimer (tuiles, taille, durée par couche et par zoom ; aucune tuile récupérée)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="55" />
      <source>Add the library's files to the project</source>
      <translation>Ajouter les fichiers de la bibliothèque au projet</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="57" />
      <source>Tiles in the plan (this shard's)</source>
      <translation>Tuiles du plan (la part de cette machine)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="60" />
      <source>Library files (one per line)</source>
      <translation>Fichiers de la bibliothèque (un par ligne)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="87" />
      <source>{}: {} tiles at zoom {}-{}{} → {}</source>
      <translation>{} : {} tuiles aux zooms {}-{}{} → {}</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="103" />
      <source>{}: {:,} downloaded ({}), {:,} already there, {:,} unchanged, {:,} empty, {:,} failed.</source>
      <translation>{} : {:,} téléchargées ({}), {:,} déjà présentes, {:,} inchangées, {:,} vides, {:,} en échec.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="112" />
      <source>Cancelled: run the plan again to resume where it stopped.</source>
      <translation>Annulé : relancez le plan pour reprendre là où il s'est arrêté.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="114" />
      <source>No layer of the plan could be downloaded: see the messages above.</source>
      <translation>Aucune couche du plan n'a pu être téléchargée : voir les messages ci-dessus.</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="123" />
      <source>{} zoom {:&gt;2}: {:&gt;10,} tiles, {:&gt;10,} already in the library, about {}{}</source>
      <translation>{} zoom {:&gt;2} : {:&gt;10,} tuiles, {:&gt;10,} déjà dans la bibliothèque, environ {}{}</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="126" />
      <source> (size per tile assumed)</source>
      <translation> (taille par tuile supposée)</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="128" />
      <source>about {} at {:g} requests/s</source>
      <translation>environ {} à {:g} requêtes/s</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="129" />
      <source>time unknown without a rate cap</source>
      <translation>durée inconnue sans limite de débit</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="129" />
      <source>{} h {:02d} min</source>
      <translation>{} h {:02d} min</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="129" />
      <source>{} min</source>
      <translation>{} min</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="129" />
      <source>{} s</source>
      <translation>{} s</translation>
    </message>
    <message>
      <location filename="../algorithms/run_plan.py" line="131" />
      <source>To fetch: {:,} tiles, about {}; {}.</source>
      <translation>À récupérer : {:,} tuiles, environ {} ; {}.</translation>
    </message>
    <message>
      <location filename="../core/cache/qtcache.py" line="181" />
      <source>no URL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../core/field/projects.py" line="149" />
      <source>The output folder is the project's own folder: the copy would overwrite the project. Choose another folder (e.g. a new one beside it).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../core/field/projects.py" line="158" />
      <source>The output folder holds the project itself: choose another folder.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../core/library/jobs.py" line="200" />
      <source>Give the LIBRARY folder.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../core/library/merge.py" line="59" />
      <source>Give the MBTiles files to merge (INPUTS).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../core/library/merge.py" line="107" />
      <source>Give the OUTPUT .mbtiles file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../core/sources/wmts.py" line="267" />
      <source>The server's answer is not a WMTS 1.0.0 capabilities document.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../core/storage.py" line="71" />
      <source>The folder '{}' cannot be made: '{}' takes no files ({}). Choose a folder you can write to.</source>
      <translation>Le dossier « {} » ne peut pas être créé : « {} » n'accepte aucun fichier ({}). Choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="90" />
      <source>The extent is empty: draw or type an extent with a width and a height.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../core/tiles/areas.py" line="102" />
      <source>The extent lies beyond the Web Mercator latitude limit (±85.05°).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../core/tiles/polygons.py" line="136" />
      <source>The area layer holds no polygon: choose a layer of polygons (areas).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin.py" line="49" />
      <source>IGN Offline</source>
      <translation>IGN Hors ligne</translation>
    </message>
    <message>
      <location filename="../plugin.py" line="50" />
      <source>Show or hide the IGN Offline panel</source>
      <translation>Afficher ou masquer le panneau IGN Hors ligne</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="53" />
      <source>Toulouse</source>
      <translation>Toulouse</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="53" />
      <source>Pyrénées (caves)</source>
      <translation>Pyrénées (grottes)</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="53" />
      <source>Montpellier</source>
      <translation>Montpellier</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="53" />
      <source>Carcassonne</source>
      <translation>Carcassonne</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="54" />
      <source>Overview</source>
      <translation>Vue d'ensemble</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="54" />
      <source>Regional</source>
      <translation>Régional</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="54" />
      <source>Local</source>
      <translation>Local</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="54" />
      <source>High detail</source>
      <translation>Grand détail</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="70" />
      <source>≈ {} to {}</source>
      <translation>≈ {} à {}</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="99" />
      <source>{}: zoom {}–{}, {}</source>
      <translation>{} : zoom {}–{}, {}</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="101" />
      <source>Custom zoom levels</source>
      <translation>Niveaux de zoom personnalisés</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="161" />
      <source>Map canvas extent (follows the map)</source>
      <translation>Emprise de la carte (suit la carte)</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="162" />
      <source>Polygons of a layer…</source>
      <translation>Polygones d'une couche…</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="163" />
      <source>Rectangle drawn on the map</source>
      <translation>Rectangle dessiné sur la carte</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="164" />
      <source>Coordinates typed in</source>
      <translation>Coordonnées saisies</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="166" />
      <source>Saved: {}</source>
      <translation>Enregistrée : {}</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="186" />
      <source>Pick a polygon layer of the project (or add one).</source>
      <translation>Choisissez une couche de polygones du projet (ou ajoutez-en une).</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="192" />
      <source>Draw a rectangle on the map first (button "Draw on the map").</source>
      <translation>Dessinez d'abord un rectangle sur la carte (bouton « Dessiner sur la carte »).</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="196" />
      <source>Typed area</source>
      <translation>Zone saisie</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="201" />
      <source>The saved area '{}' is gone: pick another area.</source>
      <translation>La zone enregistrée « {} » n'existe plus : choisissez une autre zone.</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="209" />
      <source>Map canvas extent</source>
      <translation>Emprise de la carte</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="252" />
      <source>Save area</source>
      <translation>Enregistrer la zone</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="252" />
      <source>Name of this area (its bounding box is kept):</source>
      <translation>Nom de cette zone (son rectangle englobant est gardé) :</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="323" />
      <source>Area: {}</source>
      <translation>Zone : {}</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="349" />
      <source>Overview: Plan IGN v2</source>
      <translation>Vue d'ensemble : Plan IGN v2</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="351" />
      <source>The overview basemap cannot be opened ({}).</source>
      <translation>Le fond de carte d'ensemble ne peut pas être ouvert ({}).</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="455" />
      <source>Zoom {} ≈ {} … zoom {} ≈ {} (at the latitude of Occitanie; the SCAN 25 map is 1:25 000, zoom 14).</source>
      <translation>Zoom {} ≈ {} … zoom {} ≈ {} (à la latitude de l'Occitanie ; la carte SCAN 25 est au 1:25 000, zoom 14).</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="472" />
      <source>Longitude {}° to {}°, latitude {}° to {}°</source>
      <translation>Longitude {}° à {}°, latitude {}° à {}°</translation>
    </message>
    <message>
      <location filename="../ui/area_picker.py" line="478" />
      <source>Total: {} tiles per layer</source>
      <translation>Total : {} tuiles par couche</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="54" />
      <source>Scanning {}…</source>
      <translation>Analyse de {}…</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="57" />
      <source>IGN Offline: scan the QGIS cache</source>
      <translation>IGN Hors ligne : analyse du cache de QGIS</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="70" />
      <source>{} files, {} tile sets, {} files skipped.</source>
      <translation>{} fichiers, {} jeux de tuiles, {} fichiers ignorés.</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="75" />
      <source>Recovery</source>
      <translation>Récupération</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="86" />
      <source>The recovery</source>
      <translation>La récupération</translation>
    </message>
    <message>
      <location filename="../ui/cache_page.py" line="89" />
      <source>{} tiles recovered from the QGIS cache into {}.</source>
      <translation>{} tuiles récupérées du cache de QGIS dans {}.</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="40" />
      <source>Géoplateforme layers</source>
      <translation>Couches Géoplateforme</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="42" />
      <source>Orthophotos, MNS (FTP)</source>
      <translation>Orthophotos et MNS (FTP)</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="44" />
      <source>QGIS cache</source>
      <translation>Cache QGIS</translation>
    </message>
    <message>
      <location filename="../ui/dock.py" line="46" />
      <source>My library</source>
      <translation>Ma bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="44" />
      <source>Plan IGN v2 (the IGN base map)</source>
      <translation>Plan IGN v2 (le fond de carte de l'IGN)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="45" />
      <source>SCAN 25 Touristique, the 1:25 000 map (account needed)</source>
      <translation>SCAN 25 Touristique, la carte au 1:25 000 (compte nécessaire)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="46" />
      <source>Aerial photographs (orthophotos)</source>
      <translation>Photographies aériennes (orthophotos)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="47" />
      <source>Cadastral parcels</source>
      <translation>Parcelles cadastrales</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="76" />
      <source>This is a very large download: {} tiles, about {} (at {} kB a typical tile), and the disk holding {} has {} free. Start it all the same?</source>
      <translation>Ce téléchargement est très gros : {} tuiles, environ {} (à {} ko par tuile typique), et le disque qui contient {} a {} de libre. Le lancer quand même ?</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="80" />
      <source>A very large download</source>
      <translation>Un très gros téléchargement</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="108" />
      <source>Ticked only</source>
      <translation>Cochées seulement</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="109" />
      <source>Show only the layers ticked</source>
      <translation>N'afficher que les couches cochées</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="138" />
      <source>{} (typed: checked against the server)</source>
      <translation>{} (saisie : vérifiée auprès du serveur)</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="208" />
      <source>Not a layer of this server: {}. Check the identifier, or untick it (Read layers lists the server's layers).</source>
      <translation>Couche inconnue de ce serveur : {}. Vérifiez l'identifiant ou décochez-la (Lire les couches liste les couches du serveur).</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="218" />
      <source>An XYZ address is one layer: it goes to {}.</source>
      <translation>Une adresse XYZ est une seule couche : elle va dans {}.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="221" />
      <source>{} layer(s) ticked, one file each in {}</source>
      <translation>{} couche(s) cochée(s), un fichier chacune dans {}</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="223" />
      <source>Tick the layers to download (Read layers lists all of the server's).</source>
      <translation>Cochez les couches à télécharger (« Lire les couches » liste toutes celles du serveur).</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="246" />
      <source>⚠ Licence: {}.</source>
      <translation>⚠ Licence : {}.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="261" />
      <source>Pick an OAuth2 account to sign in (a key needs no sign-in).</source>
      <translation>Choisissez un compte OAuth2 pour vous connecter (une clé n'en a pas besoin).</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="267" />
      <source>Signed in with {}.</source>
      <translation>Connecté avec {}.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="275" />
      <source>Signing in with {}: continue in your browser…</source>
      <translation>Connexion avec {} : continuez dans votre navigateur…</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="276" />
      <source>IGN Offline: sign in</source>
      <translation>IGN Hors ligne : connexion</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="281" />
      <source>Reading the layers of {}…</source>
      <translation>Lecture des couches de {}…</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="295" />
      <source>{} layers.</source>
      <translation>{} couches.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="303" />
      <source>The layers of {} could not be read: {}</source>
      <translation>Impossible de lire les couches de {} : {}</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="309" />
      <source>IGN Offline: read layers</source>
      <translation>IGN Hors ligne : lecture des couches</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="320" />
      <source>Give the server: the Géoplateforme, a WMTS address or an XYZ address.</source>
      <translation>Indiquez le serveur : la Géoplateforme, une adresse WMTS ou une adresse XYZ.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="326" />
      <source>Tick at least one layer (or type its identifier in the search box and press Enter).</source>
      <translation>Cochez au moins une couche (ou tapez son identifiant dans la recherche et appuyez sur Entrée).</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="359" />
      <source>Nothing downloaded: reduce the area or the zooms.</source>
      <translation>Rien n'a été téléchargé : réduisez la zone ou les zooms.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="388" />
      <source>The estimate</source>
      <translation>L'estimation</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="396" />
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="397" />
      <source>Estimate: {} tiles, about {}, about {} for {} layer(s).</source>
      <translation>Estimation : {} tuiles, environ {}, environ {} pour {} couche(s).</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="424" />
      <source>The download</source>
      <translation>Le téléchargement</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="429" />
      <source>{} layer(s): {} tiles downloaded, {} already there, {} empty, {} failed.</source>
      <translation>{} couche(s) : {} tuiles téléchargées, {} déjà présentes, {} vides, {} en échec.</translation>
    </message>
    <message>
      <location filename="../ui/download_page.py" line="432" />
      <source>Not downloaded: {}.</source>
      <translation>Non téléchargées : {}.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="40" />
      <source>Orthophoto (high resolution)</source>
      <translation>Orthophoto (haute résolution)</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="40" />
      <source>Orthophoto</source>
      <translation>Orthophoto</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="40" />
      <source>Surface model (MNS)</source>
      <translation>Modèle numérique de surface (MNS)</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="41" />
      <source>Terrain model (MNT)</source>
      <translation>Modèle numérique de terrain (MNT)</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="42" />
      <source>natural colours (RVB)</source>
      <translation>couleurs naturelles (RVB)</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="42" />
      <source>infrared false colours (IRC)</source>
      <translation>infrarouge fausses couleurs (IRC)</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="45" />
      <source>{:.2f} m pixels</source>
      <translation>pixels de {:.2f} m</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="47" />
      <source>département {}</source>
      <translation>département {}</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="104" />
      <source>Listing {}…</source>
      <translation>Liste de {}…</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="105" />
      <source>IGN Offline: list FTP products</source>
      <translation>IGN Hors ligne : liste des produits FTP</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="117" />
      <source>{} products.</source>
      <translation>{} produits.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="184" />
      <source>{} of {} tiles in the area ({}), drawn in blue.</source>
      <translation>{} dalles sur {} dans la zone ({}), dessinées en bleu.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="187" />
      <source>No tile of this product in the area: it covers département {}. “Use its coverage as the area” picks where it has tiles.</source>
      <translation>Aucune dalle de ce produit dans la zone : il couvre le département {}. « Prendre son emprise comme zone » choisit là où il a des dalles.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="202" />
      <source>List the products and pick one first.</source>
      <translation>Listez d'abord les produits et choisissez-en un.</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="227" />
      <source>The FTP download</source>
      <translation>Le téléchargement FTP</translation>
    </message>
    <message>
      <location filename="../ui/ftp_page.py" line="231" />
      <source>{}: {} files downloaded ({}), {} already there, {} failed.</source>
      <translation>{} : {} fichiers téléchargés ({}), {} déjà présents, {} en échec.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="42" />
      <source>Plans (*.json)</source>
      <translation>Plans (*.json)</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="59" />
      <source>The plan's estimate</source>
      <translation>L'estimation du plan</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="59" />
      <source>The plan</source>
      <translation>Le plan</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="69" />
      <source>Library: {} tiles downloaded, {} failed.</source>
      <translation>Bibliothèque : {} tuiles téléchargées, {} en échec.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="73" />
      <source>{} is done: see the IGN Offline panel.</source>
      <translation>{} : terminé, voir le panneau IGN Hors ligne.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="82" />
      <source>The library folder {} does not exist yet: download something first.</source>
      <translation>Le dossier de la bibliothèque {} n'existe pas encore : téléchargez d'abord quelque chose.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="95" />
      <source>IGN Offline: read the library</source>
      <translation>IGN Hors ligne : lecture de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="115" />
      <source>{} files in the library.</source>
      <translation>{} fichiers dans la bibliothèque.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="138" />
      <source>Coverage</source>
      <translation>Couverture</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="144" />
      <source>Library coverage</source>
      <translation>Couverture de la bibliothèque</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="150" />
      <source>The coverage</source>
      <translation>La couverture</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="155" />
      <source>Folder for the offline project</source>
      <translation>Dossier du projet hors ligne</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="162" />
      <source>Save the project first: its offline copy is made from the saved file.</source>
      <translation>Enregistrez d'abord le projet : sa copie hors ligne est faite à partir du fichier enregistré.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="165" />
      <source>The project has unsaved changes: the offline copy is made from the saved file.</source>
      <translation>Le projet a des modifications non enregistrées : la copie hors ligne est faite à partir du fichier enregistré.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="202" />
      <source>Nothing started: reduce the area or the zooms.</source>
      <translation>Rien n'a été lancé : réduisez la zone ou les zooms.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.py" line="210" />
      <source>Offline project ready: {} (copy the whole folder)</source>
      <translation>Projet hors ligne prêt : {} (copiez le dossier entier)</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="32" />
      <source>No file manager could open {}: open that folder yourself.</source>
      <translation>Aucun gestionnaire de fichiers n'a pu ouvrir {} : ouvrez ce dossier vous-même.</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="46" />
      <source>{} — {}</source>
      <translation>{} — {}</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="99" />
      <source>— {} ({} of {}) —</source>
      <translation>— {} ({} sur {}) —</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="111" />
      <source>%p% (run {} of {})</source>
      <translation>%p% (exécution {} sur {})</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="135" />
      <source>Cancelling…</source>
      <translation>Annulation…</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="149" />
      <source>Open folder</source>
      <translation>Ouvrir le dossier</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="168" />
      <source>{} cancelled. What was done is kept: run it again to resume.</source>
      <translation>{} : annulé. Ce qui a été fait est gardé : relancez pour reprendre.</translation>
    </message>
    <message>
      <location filename="../ui/runner.py" line="172" />
      <source>see the IGN Offline panel</source>
      <translation>voir le panneau IGN Hors ligne</translation>
    </message>
    <message>
      <source>Draw a rectangle on the map first (button below).</source>
      <translation type="obsolete">Dessinez d'abord un rectangle sur la carte (bouton ci-dessous).</translation>
    </message>
    <message>
      <source>Format (mbtiles: QField and most apps; osmand: OsmAnd and Locus; gpkg: GeoPackage; cog: a Cloud-Optimized GeoTIFF, rasters only)</source>
      <translation type="obsolete">Format (mbtiles : QField et la plupart des applications ; osmand : OsmAnd et Locus ; gpkg : GeoPackage ; cog : un GeoTIFF optimisé pour le cloud, rasters seulement)</translation>
    </message>
    <message>
      <source>about {:.1f} h at {:g} requests/s</source>
      <translation type="obsolete">environ {:.1f} h à {:g} requêtes/s</translation>
    </message>
  </context>
  <context>
    <name>IgnOfflineDock</name>
    <message>
      <location filename="../ui/dock.ui" />
      <source>IGN Offline</source>
      <translation>IGN Hors ligne</translation>
    </message>
    <message>
      <location filename="../ui/dock.ui" />
      <source>Library folder: where the files go</source>
      <translation>Dossier de la bibliothèque : où vont les fichiers</translation>
    </message>
    <message>
      <location filename="../ui/dock.ui" />
      <source>One file per layer, named after it (LAYER.mbtiles): downloading a layer again adds to its file</source>
      <translation>Un fichier par couche, à son nom (COUCHE.mbtiles) : télécharger à nouveau une couche complète son fichier</translation>
    </message>
    <message>
      <location filename="../ui/dock.ui" />
      <source>Open folder</source>
      <translation>Ouvrir le dossier</translation>
    </message>
  </context>
  <context>
    <name>LibraryPage</name>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Your offline library: one MBTiles per layer, filled from a plan (layers, areas, zooms) and kept fresh. The files are those of the library folder above.</source>
      <translation>Votre bibliothèque hors ligne : un MBTiles par couche, rempli d'après un plan (couches, zones, zooms) et tenu à jour. Les fichiers sont ceux du dossier de la bibliothèque ci-dessus.</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Plan (JSON): layers, areas and zooms to keep</source>
      <translation>Plan (JSON) : couches, zones et zooms à garder</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Estimate</source>
      <translation>Estimer</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Run the plan</source>
      <translation>Exécuter le plan</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Run the plan and re-check tiles older than 30 days (unchanged tiles are kept)</source>
      <translation>Exécuter le plan et revérifier les tuiles de plus de 30 jours (les tuiles inchangées sont gardées)</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Refresh</source>
      <translation>Rafraîchir</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>File</source>
      <translation>Fichier</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Zooms</source>
      <translation>Zooms</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Tiles</source>
      <translation>Tuiles</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Complete</source>
      <translation>Complet</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>List</source>
      <translation>Lister</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Load</source>
      <translation>Charger</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Show coverage</source>
      <translation>Afficher la couverture</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>A copy of this project whose IGN basemaps are MBTiles of the area (the area and zoom levels above), for a laptop or QField</source>
      <translation>Une copie de ce projet dont les fonds IGN sont des MBTiles de la zone (la zone et les zooms ci-dessus), pour un ordinateur portable ou QField</translation>
    </message>
    <message>
      <location filename="../ui/library_page.ui" />
      <source>Make this project offline…</source>
      <translation>Rendre ce projet utilisable hors ligne…</translation>
    </message>
  </context>
</TS>
